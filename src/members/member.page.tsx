import { Layout, type PageContext } from '../layout/layout.tsx';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import type { ActionPlanSummary, MemberHead } from './member.queries.ts';
import { memberName } from './member-name.ts';
import type { Intl } from '../i18n/intl.ts';
import { memberFeedPath } from '../feeds/feed-url.ts';
import type { PlanIrmSummary } from './plan-irm-summaries.queries.ts';
import { actionPlanNewUrl } from '../action-plans/action-plan-edit.page.tsx';

/** `may` says which workspace links the signed-in person gets (their policies decide); the public gets none. */
export function memberPage(ctx: PageContext, member: MemberHead, plans: ActionPlanSummary[], irm: Map<number, PlanIrmSummary>,
  may: { addActionPlan: boolean }): string {
  const { intl } = ctx;
  const t = intl.t;
  const name = memberName(member, intl.locale);
  return Layout({
    ...ctx,
    title: name,
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    feeds: [{ href: memberFeedPath(intl.locale, member.slug), title: t('feed.titleOf', { name }) }],
    children: (
      <>
        <h1 safe>{name}</h1>
        <dl class="facts">
          <dt safe>{t('member.kind')}</dt><dd safe>{t(`member.kind.${member.kind}`)}</dd>
          <dt safe>{t('member.ogpPrefix')}</dt><dd safe>{member.ogpPrefix}</dd>
          {member.code ? <><dt safe>{t('member.code')}</dt><dd safe>{member.code}</dd></> : ''}
        </dl>
        <h2 safe>{t('member.actionPlans')}</h2>
        {may.addActionPlan ? <p><a href={actionPlanNewUrl(intl.locale, member.slug)} safe>{t('actionPlan.new.link')}</a></p> : ''}
        {plans.length === 0 ? <p safe>{t('member.noActionPlans')}</p> : (
          <ul class="cards">
            {plans.map((p) => (
              <li>
                <h3><a href={`/${intl.locale}/members/${member.slug}/action-plans/${p.number}`} safe>{actionPlanTitle(intl, name, p)}</a></h3>
                <p class="muted" safe>{t('actionPlan.numberAndCycle', { number: p.number, cycle: String(p.submissionYear) })}</p>
                <p safe>{t('common.commitmentCount', { count: p.commitmentCount })}</p>
                <PlanIrmSummaryView intl={intl} summary={irm.get(p.number)} commitmentCount={p.commitmentCount} />
              </li>
            ))}
          </ul>
        )}
        <p><a href={memberFeedPath(intl.locale, member.slug)} type="application/atom+xml" safe>{t('feed.follow')}</a></p>
      </>
    ),
  });
}

/** How many of a plan's commitments the IRM assessed, how complete they were and how ambitious. */
function PlanIrmSummaryView({ intl, summary, commitmentCount }: { intl: Intl; summary: PlanIrmSummary | undefined; commitmentCount: number }) {
  const t = intl.t;
  if (!summary || summary.assessed === 0) return commitmentCount > 0 ? <p class="muted" safe>{t('member.irm.notAssessed')}</p> : '';
  const counted = (label: string, count: number) => t('member.irm.valueCount', { label, count });
  return (
    <dl class="facts irm-summary">
      <dt safe>{t('member.irm.assessed')}</dt>
      <dd safe>{t('member.irm.assessedCount', { assessed: summary.assessed, total: commitmentCount })}</dd>
      {summary.completion.length > 0 ? <>
        <dt safe>{t('irm.completion')}</dt>
        <dd safe>{intl.formatList(summary.completion.map((c) => counted(t(`irm.value.completion.${c.value}`), c.count)), { type: 'unit' }) as string}</dd>
      </> : ''}
      {summary.ambition.high + summary.ambition.low > 0 ? <>
        <dt safe>{t('irm.ambition')}</dt>
        <dd safe>{intl.formatList([counted(t('irm.ambition.high'), summary.ambition.high), counted(t('irm.ambition.low'), summary.ambition.low)], { type: 'unit' }) as string}</dd>
      </> : ''}
    </dl>
  );
}

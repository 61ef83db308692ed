import { Layout, type PageContext } from '../layout/layout.tsx';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import type { ActionPlanSummary, MemberSummary } from './member.queries.ts';
import { memberName } from './member-name.ts';

export function memberPage(ctx: PageContext, member: MemberSummary, plans: ActionPlanSummary[]): string {
  const { intl } = ctx;
  const t = intl.t;
  const name = memberName(member, intl.locale);
  return Layout({
    ...ctx,
    title: name,
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    children: (
      <>
        <h1 safe>{name}</h1>
        <dl class="facts">
          <dt safe>{t('member.kind')}</dt><dd safe>{t(`member.kind.${member.kind}`)}</dd>
          <dt safe>{t('member.ogpPrefix')}</dt><dd safe>{member.ogpPrefix}</dd>
          {member.code ? <><dt safe>{t('member.code')}</dt><dd safe>{member.code}</dd></> : ''}
        </dl>
        <h2 safe>{t('member.actionPlans')}</h2>
        {plans.length === 0 ? <p safe>{t('member.noActionPlans')}</p> : (
          <ul class="cards">
            {plans.map((p) => (
              <li>
                <h3><a href={`/${intl.locale}/members/${member.slug}/action-plans/${p.number}`} safe>{actionPlanTitle(intl, name, p)}</a></h3>
                <p class="muted" safe>{t('actionPlan.numberAndCycle', { number: p.number, cycle: String(p.submissionYear) })}</p>
                <p safe>{t('common.commitmentCount', { count: p.commitmentCount })}</p>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  });
}

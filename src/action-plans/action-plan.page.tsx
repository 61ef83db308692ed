import { Layout, type PageContext } from '../layout/layout.tsx';
import { memberName } from '../members/member-name.ts';
import type { ActionPlanCommitment, findActionPlan } from './action-plan.queries.ts';
import { actionPlanTitle } from './action-plan-title.ts';
import { ogpPlanId } from '../commitments/commitment-detail.ts';
import { PlanReportingSection, type PlanReporting } from './action-plan-reporting.view.tsx';
import { actionPlanEditUrl, commitmentNewUrl } from './action-plan-edit.page.tsx';
import { actionPlanHistoryUrl } from './action-plan-history.page.tsx';
import { textDir } from '../i18n/text-direction.ts';

type Plan = NonNullable<Awaited<ReturnType<typeof findActionPlan>>>;

/** `may` says which workspace links the signed-in person gets (their policies decide); the public gets none. */
export function actionPlanPage(ctx: PageContext, plan: Plan, commitments: ActionPlanCommitment[], reporting: PlanReporting,
  may: { edit: boolean; addCommitment: boolean }): string {
  const { intl } = ctx;
  const t = intl.t;
  const member = memberName({ name: plan.memberName, kind: plan.memberKind, isoAlpha2: plan.isoAlpha2 }, intl.locale);
  const title = actionPlanTitle(intl, member, plan);
  const planId = ogpPlanId(plan.code, plan.number);
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [
      { href: `/${intl.locale}/`, label: t('home.title') },
      { href: `/${intl.locale}/members/${plan.memberSlug}`, label: member },
    ],
    children: (
      <>
        <h1 safe>{title}</h1>
        <dl class="facts">
          <dt safe>{t('actionPlan.number')}</dt><dd safe>{intl.formatNumber(plan.number)}</dd>
          <dt safe>{t('commitment.cycle')}</dt><dd safe>{intl.formatNumber(plan.submissionYear, { useGrouping: false })}</dd>
          <dt safe>{t('actionPlan.period')}</dt><dd safe>{`${plan.startYear}–${plan.endYear}`}</dd>
          {planId ? <><dt safe>{t('actionPlan.ogpId')}</dt><dd safe>{planId}</dd></> : ''}
        </dl>
        <p><a href={actionPlanHistoryUrl(intl.locale, plan.memberSlug, plan.number)} safe>{t('actionPlan.history.link')}</a></p>
        {may.edit ? <p><a href={actionPlanEditUrl(intl.locale, plan.memberSlug, plan.number)} safe>{t('actionPlan.edit.link')}</a></p> : ''}
        <h2 safe>{t('actionPlan.commitments')}</h2>
        {may.addCommitment ? <p><a href={commitmentNewUrl(intl.locale, plan.memberSlug, plan.number)} safe>{t('commitment.new.link')}</a></p> : ''}
        {commitments.length === 0 ? <p safe>{t('actionPlan.noCommitments')}</p> : (
          <div class="table-wrap">
            <table class="stack">
              <caption safe>{t('actionPlan.commitmentsCaption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('actionPlan.numberShort')}</th>
                  <th scope="col" safe>{t('actionPlan.commitment')}</th>
                  <th scope="col" safe>{t('commitment.leadInstitutions')}</th>
                  <th scope="col" safe>{t('commitment.milestones')}</th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((c) => (
                  <tr>
                    <td data-label={t('actionPlan.numberShort')} safe>{c.numberInPlan ? intl.formatNumber(c.numberInPlan) : t('common.notGiven')}</td>
                    <td data-label={t('actionPlan.commitment')}>
                      <a href={`/${intl.locale}/commitments/${c.ogpId}`} lang={c.titleLocale} dir={textDir(c.titleLocale)} safe>{c.title}</a> <span class="muted" safe>{`(${c.ogpId})`}</span>
                    </td>
                    <td data-label={t('commitment.leadInstitutions')} safe>{intl.formatList(c.leadInstitutions, { type: 'conjunction' }) as string}</td>
                    <td data-label={t('commitment.milestones')} safe>{intl.formatNumber(c.milestoneCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PlanReportingSection intl={intl} reporting={reporting} />
      </>
    ),
  });
}

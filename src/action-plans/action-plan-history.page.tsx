import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { HistoryList, type DiffLabels, type EntryDetail } from '../commitments/commitment-history.page.tsx';
import { reportEntryDetail } from '../commitments/commitment-history-report.ts';
import { historyUrl } from '../commitments/commitment-edit.page.tsx';
import { formatDeadline } from '../reporting/reporting-format.ts';
import { actionPlanUrl, memberUrl } from './action-plan-edit.page.tsx';
import type { PlanChangeView } from './action-plan-history.queries.ts';

export const actionPlanHistoryUrl = (locale: string, slug: string, number: number) => `${actionPlanUrl(locale, slug, number)}/history`;

type View = {
  memberSlug: string; memberName: string; number: number; planTitle: string; changes: PlanChangeView[];
  /** Names of the institutions report entries store by id (diffLabelsFor). */
  labels: DiffLabels;
  /** Set for those who may edit the plan. */
  editUrl?: string | undefined;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * What an entry adds to its diff: a change to one of the plan's commitments links to that commitment's history
 * (which shows it in full); a round's opening and closing say which round, as their fields are not plan fields.
 * An entry about a milestone report is named and hidden as on the commitment's tab (decision 018, through
 * `reportEntryDetail`): a verdict by the reviewer's organisation, never the person; before its round closes, only
 * that it exists, without its reason (a restricted item's reason, say).
 */
function entryDetail(intl: Intl, c: PlanChangeView, labels: DiffLabels): EntryDetail | undefined {
  if (c.commitmentOgpId) {
    const report = reportEntryDetail(intl, c.commitmentOgpId, c, labels);
    return {
      link: { href: `${historyUrl(intl.locale, c.commitmentOgpId)}#change-${c.id}`, label: intl.t('actionPlan.history.inCommitment', { id: c.commitmentOgpId }) },
      summary: report?.summary, who: report?.who, hideReason: report?.hideReason,
    };
  }
  const label = text(c.after.label);
  if (c.command === 'open_reporting_round') {
    const deadline = new Date(text(c.after.deadline));
    return Number.isNaN(deadline.getTime()) ? undefined
      : { summary: intl.t('actionPlan.history.roundOpened', { label, deadline: formatDeadline(intl, deadline) }) };
  }
  if (c.command === 'close_reporting_round') {
    return { summary: intl.t('actionPlan.history.roundClosed', { label, reported: count(c.after.reported), milestones: count(c.after.milestones) }) };
  }
  return undefined;
}

/** `/{locale}/members/{slug}/action-plans/{number}/history`: every change recorded on the plan, newest first. */
export function actionPlanHistoryPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = t('actionPlan.history.title', { title: view.planTitle });
  const planUrl = actionPlanUrl(intl.locale, view.memberSlug, view.number);
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [
      { href: `/${intl.locale}/`, label: t('home.title') },
      { href: memberUrl(intl.locale, view.memberSlug), label: view.memberName },
      { href: planUrl, label: view.planTitle },
    ],
    children: (
      <>
        <h1 safe>{title}</h1>
        <p><a href={planUrl} safe>{t('actionPlan.history.back')}</a></p>
        {view.editUrl ? <p><a href={view.editUrl} safe>{t('actionPlan.edit.link')}</a></p> : ''}
        {view.changes.length === 0 ? <p safe>{t('actionPlan.history.none')}</p>
          : <HistoryList intl={intl} changes={view.changes} detail={(c) => entryDetail(intl, c, view.labels)} />}
      </>
    ),
  });
}

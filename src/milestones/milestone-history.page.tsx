import { Layout, type PageContext } from '../layout/layout.tsx';
import { HistoryList, type DiffLabels, type EntryDetail } from '../commitments/commitment-history.page.tsx';
import type { CommitmentChangeView } from '../commitments/commitment-history.queries.ts';
import { historyUrl } from '../commitments/commitment-edit.page.tsx';

/**
 * `/{locale}/commitments/{id}/milestones/{number}/history`: the milestone's changes and its reports' entries, newest
 * first (`detail` says what a report entry shows, as on the commitment's tab).
 */
export function milestoneHistoryPage(ctx: PageContext, view: {
  ogpId: string; title: string; number: number; changes: CommitmentChangeView[]; labels: DiffLabels; editUrl?: string | undefined;
  detail: (change: CommitmentChangeView) => EntryDetail | undefined;
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = t('history.milestone.title', { number: view.number, id: view.ogpId });
  const commitmentUrl = `/${intl.locale}/commitments/${view.ogpId}`;
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [{ href: commitmentUrl, label: view.title }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <p><a href={`${commitmentUrl}/milestones/${view.number}`} safe>{t('history.backToMilestone')}</a></p>
        <p><a href={historyUrl(intl.locale, view.ogpId)} safe>{t('history.link')}</a></p>
        {view.editUrl ? <p><a href={view.editUrl} safe>{t('edit.milestone.link', { number: view.number })}</a></p> : ''}
        {view.changes.length === 0 ? <p safe>{t('history.milestone.none')}</p>
          : <HistoryList intl={intl} changes={view.changes} labels={view.labels} detail={view.detail} />}
      </>
    ),
  });
}

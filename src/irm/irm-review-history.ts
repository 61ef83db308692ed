import type { Intl } from '../i18n/intl.ts';
import type { EntryDetail } from '../commitments/commitment-history.page.tsx';
import type { ChangeView } from '../commitments/commitment-history.queries.ts';

/** What a commitment's history says of an IRM assessment entry besides its ratings: the report it is about. */
export function irmReviewEntryDetail(intl: Intl, change: ChangeView): EntryDetail | undefined {
  if (change.entityType !== 'irm_review' || typeof change.after.report !== 'string') return undefined;
  return { summary: intl.t('irmAssessment.history.report', { report: intl.t(`irm.report.${change.after.report}`) }) };
}

import type { Intl } from '../i18n/intl.ts';
import { milestonePath } from '../milestones/milestone-urls.ts';
import { diffRows, type DiffLabels, type EntryDetail } from './commitment-history.page.tsx';
import type { CommitmentChangeView } from './commitment-history.queries.ts';

/** "2 items" or "2 items, 1 restricted": the evidence a submission added, counted as the public report counts it. */
function evidenceAdded(intl: Intl, value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const restricted = value.filter((item) => (item as { restricted?: unknown }).restricted === true).length;
  return restricted > 0
    ? intl.t('publicReport.evidenceCountRestricted', { count: value.length, restricted })
    : intl.t('publicReport.evidenceCount', { count: value.length });
}

/**
 * What a commitment's tab shows of an entry about a milestone report (a submission, a verdict, a restricted evidence
 * item): a link to the milestone's public page, the round, and, once the round has closed, the diff of the report's
 * fields and what the submission said beyond them (late, evidence added, on whose behalf). Before the round closes
 * the entry says only that it exists (decision 018: an open round's reports are not public). A verdict names the
 * reviewer's organisation, never the person (decision 018).
 */
export function reportEntryDetail(intl: Intl, ogpId: string, c: CommitmentChangeView, labels: DiffLabels): EntryDetail | undefined {
  if (!c.report) return undefined;
  const t = intl.t;
  const link = c.milestoneNumber === null ? undefined
    : { href: milestonePath(intl.locale, ogpId, c.milestoneNumber), label: t('history.report.milestoneLink', { number: c.milestoneNumber }) };
  const who = c.command === 'record_verdict' ? c.institutionName ?? t('history.report.reviewer') : undefined;
  if (!c.report.published) {
    return { summary: t('history.report.unpublished', { round: c.report.roundLabel }), link, rows: [], who, hideReason: true };
  }
  const sentences = [t('history.report.round', { round: c.report.roundLabel })];
  if (c.after.late === true) sentences.push(t('history.report.late'));
  const evidence = evidenceAdded(intl, c.after.evidenceAdded);
  if (evidence) sentences.push(t('history.report.evidenceAdded', { evidence }));
  if (typeof c.after.onBehalfOf === 'string') {
    sentences.push(t('history.report.onBehalfOf', { institution: labels.institution?.(c.after.onBehalfOf) ?? c.after.onBehalfOf }));
  }
  if (c.entityType === 'evidence_item' && typeof c.after.title === 'string') sentences.push(t('history.evidence.title', { title: c.after.title }));
  return { summary: sentences.join(' '), link, rows: diffRows(intl, c, labels), who };
}

import { POLICY_AREA_COLUMNS } from '../../policy-areas/dataset-columns.ts';
import { IRM_COLUMNS, REPORT_YEAR_COLUMNS } from './irm-columns.ts';

/** Columns of OGP's commitment dataset (sheet of 2024-07) that the importer reads, by what they hold. */
export const COLUMN = {
  ogpId: 'Commitment Unique Identifier',
  memberName: 'Country/Locality',
  memberCode: 'Code',
  region: 'Region',
  memberKind: 'National Or Local',
  planNumber: 'Action Plan Number',
  submissionYear: 'Year Of Submission',
  planEndYear: 'Action Plan End Year',
  planDuration: 'Action Plan Duration (Years)',
  commitmentNumber: 'Commitment Number',
  title: 'Commitment Title',
  /** OGP's own English title, on every row, whatever the language of "Commitment Title". */
  shortTitle: 'Short Title',
  fullText: 'Full Text',
  startDate: 'Start Date',
  endDate: 'End Date',
  leadInstitutions: 'Lead Institution',
  supportingInstitutions: 'Supporting Institution(s)',
} as const;

/**
 * Every column the importer needs; a file without one of them is refused as a whole, naming what is missing.
 * OGP's own analysis columns (starred, High Ambition, IRM-Based Score, ...) are not needed: Ahadi derives them.
 * Nor are the numeric codes (`_Specificity`, ...): they repeat the ratings and are only checked when present.
 */
export const REQUIRED_COLUMNS: readonly string[] = [
  ...Object.values(COLUMN),
  ...Object.keys(POLICY_AREA_COLUMNS),
  ...REPORT_YEAR_COLUMNS.map((c) => c.column),
  ...IRM_COLUMNS.map((c) => c.column),
];

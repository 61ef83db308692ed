import { OgpIdSchema, type CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { TEXT_LIMITS, tooLongReason } from '../../commitments/text-limits.ts';
import { inferInstitutionKind } from '../../institutions/infer-institution-kind.ts';
import type { InstitutionKind } from '../../institutions/institution-kinds.ts';
import { splitInstitutionNames } from '../../institutions/split-institution-names.ts';
import { POLICY_AREA_COLUMNS } from '../../policy-areas/dataset-columns.ts';
import { detectLocale } from '../../text/detect-language.ts';
import { byCell } from '../table/by-cell.ts';
import { CellError } from '../table/cell-error.ts';
import { readCommitmentNumber } from './commitment-number.ts';
import { COLUMN } from './dataset-columns.ts';
import { irmReviewsOfRow } from './irm-reviews-of-row.ts';
import { memberOfRow } from './member-of-row.ts';
import { readDatasetDate } from './read-dataset-date.ts';

type Cells = Readonly<Record<string, string>>;

/**
 * One row of OGP's commitment dataset as a CommitmentRecord. Throws a CellError naming the column when a cell
 * cannot be read; what it reads with doubt (a date, a number typed oddly, a code that contradicts its label)
 * becomes a warning, and the value is kept as written rather than guessed.
 * The dataset is OGP's English sheet, but a plan's title and "Full Text" are quoted in the plan's own words (Spanish
 * for most Latin American members): their language is detected from the beginning of that text, so that it is stemmed
 * and marked up in its language, and is English when the text is too short to tell. "Short Title" is OGP's own English
 * title of every row: for a row in another language it is the commitment's English title (title only: the full text
 * stays in the plan's words), so that English pages and searches have one; for an English row it is a shorter form of
 * the same title and is not stored.
 * Milestones are left out (they are not structured: they sit inside "Full Text"), so none stored are touched.
 */
export function rowToRecord(cells: Cells): { record: CommitmentRecordInput; warnings: string[] } {
  const warnings: string[] = [];
  const ogpId = readOgpId(cells);
  const submissionYear = readYear(cells, COLUMN.submissionYear);
  const title = readTitle(cells);
  const fullText = (cells[COLUMN.fullText] ?? '').trim();
  const locale = detectLocale(`${title} ${fullText}`, 'en');
  const start = readDatasetDate(cells[COLUMN.startDate] ?? '', COLUMN.startDate, warnings);
  const end = readDatasetDate(cells[COLUMN.endDate] ?? '', COLUMN.endDate, warnings);
  const record: CommitmentRecordInput = {
    member: memberOfRow(cells, ogpId),
    actionPlan: actionPlanOf(cells, submissionYear),
    ogpId,
    ...readCommitmentNumber(cells[COLUMN.commitmentNumber] ?? '', warnings),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    sourceLocale: locale,
    texts: { [locale]: { title, ...(fullText ? { fullText } : {}) }, ...englishTitleOf(cells, locale) },
    leadInstitutions: leadInstitutionsOf(cells[COLUMN.leadInstitutions] ?? '').map((institution) => ({ ...institution })),
    supportingInstitutions: supportingInstitutionsOf(cells[COLUMN.supportingInstitutions] ?? '').map((institution) => ({ ...institution })),
    policyAreas: policyAreasOf(cells),
    irmReviews: irmReviewsOfRow(cells, submissionYear, warnings),
  };
  return { record, warnings };
}

function readOgpId(cells: Cells): string {
  const parsed = OgpIdSchema.safeParse(cells[COLUMN.ogpId] ?? '');
  if (!parsed.success) throw new CellError(COLUMN.ogpId, `"${(cells[COLUMN.ogpId] ?? '').trim()}" is not an OGP commitment id such as KE0031`);
  return parsed.data;
}

function readTitle(cells: Cells): string {
  const title = limitedTitle(cells, COLUMN.title);
  if (title === '') throw new CellError(COLUMN.title, 'empty');
  return title;
}

function englishTitleOf(cells: Cells, locale: string): CommitmentRecordInput['texts'] {
  const shortTitle = locale === 'en' ? '' : limitedTitle(cells, COLUMN.shortTitle);
  return shortTitle !== '' ? { en: { title: shortTitle } } : {};
}

/** A title column, held to the limit of the forms (which the record's schema checks too, without the column). */
function limitedTitle(cells: Cells, column: string): string {
  const title = (cells[column] ?? '').trim();
  if (title.length > TEXT_LIMITS.title) throw new CellError(column, tooLongReason(title, TEXT_LIMITS.title, 'a title'));
  return title;
}

function readYear(cells: Cells, column: string): number {
  const cell = (cells[column] ?? '').trim();
  if (!/^\d{4}$/.test(cell)) throw new CellError(column, `"${cell}" is not a year`);
  return Number(cell);
}

function readWholeNumber(cells: Cells, column: string): number {
  const cell = (cells[column] ?? '').trim();
  if (!/^\d{1,2}$/.test(cell) || Number(cell) < 1) throw new CellError(column, `"${cell}" is not a whole number from 1`);
  return Number(cell);
}

/** OGP gives the submission year, the end year and the duration; the plan starts its duration before it ends. */
function actionPlanOf(cells: Cells, submissionYear: number): CommitmentRecordInput['actionPlan'] {
  const endYear = readYear(cells, COLUMN.planEndYear);
  const duration = readWholeNumber(cells, COLUMN.planDuration);
  return { number: readWholeNumber(cells, COLUMN.planNumber), submissionYear, startYear: endYear - duration, endYear };
}

// A plan names the same institutions commitment after commitment: each cell is split and its kinds guessed once.
const leadInstitutionsOf = byCell((cell): CommitmentRecordInput['leadInstitutions'] =>
  splitInstitutionNames(cell).map((name) => ({ name, kind: inferInstitutionKind(name, 'lead') })));
const supportingInstitutionsOf = byCell((cell) => splitInstitutionNames(cell).map(supportingInstitution));

// Kinds that are never part of government: a supporting institution of one of these kinds is an "other actor".
const NON_GOVERNMENT_KINDS: readonly InstitutionKind[] = ['civil_society', 'academia', 'media', 'private_sector'];

function supportingInstitution(name: string): CommitmentRecordInput['supportingInstitutions'][number] {
  const kind = inferInstitutionKind(name, 'government');
  return { name, kind, actorGroup: NON_GOVERNMENT_KINDS.includes(kind) ? 'other' : 'government' };
}

/**
 * A tag column holds 1 (tagged), 0 (not), ND (the tag did not exist when the commitment was tagged) or, rarely,
 * NA (not applicable): only 1 is a link.
 */
function policyAreasOf(cells: Cells): string[] {
  const keys: string[] = [];
  for (const [column, key] of POLICY_AREAS) {
    const raw = cells[column] ?? '';
    if (raw === '0') continue;
    const cell = raw.trim();
    if (cell === '1') keys.push(key);
    else if (!/^(0|nd|na)$/i.test(cell)) throw new CellError(column, `"${cell}" is not 1, 0, ND or NA`);
  }
  return keys;
}

const POLICY_AREAS = Object.entries(POLICY_AREA_COLUMNS);

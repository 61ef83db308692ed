import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { inferInstitutionKind } from '../../institutions/infer-institution-kind.ts';
import type { InstitutionKind } from '../../institutions/institution-kinds.ts';
import { splitInstitutionNames } from '../../institutions/split-institution-names.ts';
import { CellError } from '../table/cell-error.ts';
import { ogpIdOfRow } from './id-of-row.ts';
import type { CommitmentsMapping } from './mapping.ts';
import { readMappedDate } from './read-mapped-date.ts';

type Cells = Readonly<Record<string, string>>;
export type PolicyAreaKeyOf = (label: string, locale: string) => string | undefined;

/**
 * One row of a secretariat's commitment sheet as a CommitmentRecord, by its mapping: member and plan are the
 * mapping's constants, everything else comes from the columns it names. Milestones are not this sheet's business
 * (they come with their own mapping), so the commitment's stored milestones are kept.
 */
export function rowToCommitment(mapping: CommitmentsMapping, cells: Cells, policyAreaKey: PolicyAreaKeyOf): { record: CommitmentRecordInput; warnings: string[] } {
  const warnings: string[] = [];
  const text = (column: string | undefined) => (column === undefined ? undefined : (cells[column] ?? '').trim() || undefined);
  const { columns } = mapping;
  const title = text(columns.title);
  if (title === undefined) throw new CellError(columns.title, 'empty; a commitment needs a title');
  const fullText = mapping.fullText.flatMap(({ column, heading }) => (text(column) ? [`${heading}:\n${text(column)}`] : [])).join('\n\n');
  const texts = {
    title,
    ...optional('description', text(columns.description)), ...optional('objectives', text(columns.objectives)),
    ...optional('statusQuo', text(columns.statusQuo)), ...optional('ambition', text(columns.ambition)),
    ...optional('fullText', fullText || undefined),
  };
  const record: CommitmentRecordInput = {
    member: mapping.member,
    actionPlan: mapping.actionPlan,
    ogpId: ogpIdOfRow(mapping.id, cells),
    ...numberOf(columns.numberInPlan, cells),
    ...optional('start', dateOf(columns.start, cells, mapping, warnings)),
    ...optional('end', dateOf(columns.end, cells, mapping, warnings)),
    sourceLocale: mapping.sourceLocale,
    texts: { [mapping.sourceLocale]: texts },
    leadInstitutions: names(columns.leadInstitutions, cells, mapping).map((name) => ({ name, kind: inferInstitutionKind(name, 'lead') })),
    supportingInstitutions: names(columns.supportingInstitutions, cells, mapping).map((name) => supporting(name, mapping.supportingActorGroup)),
    policyAreas: policyAreasOf(columns.policyAreas, cells, mapping.sourceLocale, policyAreaKey),
    irmReviews: [],
  };
  return { record, warnings };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function numberOf(column: string | undefined, cells: Cells): { numberInPlan?: number; numberLabel?: string } {
  const cell = column === undefined ? '' : (cells[column] ?? '').trim();
  if (cell === '') return {};
  return /^\d+$/.test(cell) && Number(cell) >= 1 ? { numberInPlan: Number(cell) } : { numberLabel: cell };
}

function dateOf(column: string | undefined, cells: Cells, mapping: CommitmentsMapping, warnings: string[]) {
  if (column === undefined) return undefined;
  const date = readMappedDate(cells[column] ?? '', mapping.dateFormat);
  if (date && !('date' in date)) warnings.push(`column "${column}": "${date.raw}" is not a ${mapping.dateFormat} date; kept as written, with no date`);
  return date;
}

function names(column: string | undefined, cells: Cells, mapping: CommitmentsMapping): string[] {
  return column === undefined ? [] : splitInstitutionNames(cells[column] ?? '', mapping.listSeparator);
}

const NON_GOVERNMENT_KINDS: readonly InstitutionKind[] = ['civil_society', 'academia', 'media', 'private_sector'];

function supporting(name: string, group: CommitmentsMapping['supportingActorGroup']): CommitmentRecordInput['supportingInstitutions'][number] {
  const kind = inferInstitutionKind(name, group === 'infer' ? 'government' : group);
  const actorGroup = group !== 'infer' ? group : NON_GOVERNMENT_KINDS.includes(kind) ? 'other' : 'government';
  return { name, kind, actorGroup };
}

function policyAreasOf(column: string | undefined, cells: Cells, locale: string, keyOf: PolicyAreaKeyOf): string[] {
  if (column === undefined) return [];
  const labels = (cells[column] ?? '').split(/[;\n]+/).map((l) => l.trim()).filter((l) => l !== '');
  return [...new Set(labels.map((label) => {
    const key = keyOf(label, locale);
    if (key === undefined) throw new CellError(column, `"${label}" is not a policy area of the taxonomy`);
    return key;
  }))];
}

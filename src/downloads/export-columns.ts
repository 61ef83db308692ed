import { IRM_INDICATOR_KEYS, type IrmIndicator } from '../irm/indicators.ts';
import { unguardFormula } from './csv-stream.ts';

/**
 * The columns of a commitment list download, the same in CSV, XLSX and JSON: stable English keys (never translated,
 * so a script written against one download reads every other), in this order. Lists (institutions, policy areas)
 * are JSON arrays, and in CSV and XLSX one value per line of the cell: names never contain a line break, so the
 * split is lossless where a comma or semicolon would not be. A `description` is English, like the open-data package's
 * dictionaries, for the JSON download's `columns`; the open-data page shows `openData.listColumn.{key}` in its language.
 */
export type ExportColumnKind = 'text' | 'integer' | 'list';
export type ExportColumn = { key: string; kind: ExportColumnKind; description: string };

export const LIST_SEPARATOR = '\n';

const irmColumn = (indicator: IrmIndicator): ExportColumn => ({
  key: `irm_${indicator}`,
  kind: 'text',
  description: `IRM indicator "${indicator}": the value of the latest report that rated it (not_applicable is a ` +
    'rating), or, when none did, the latest state (not_reviewed, no_data); empty when no IRM review mentions it',
});

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'ogp_id', kind: 'text', description: "OGP's commitment id (KE0031)" },
  { key: 'member', kind: 'text', description: 'Name of the OGP member (country or local government) as recorded' },
  { key: 'member_code', kind: 'text', description: "Member's three- or four-letter code (KEN); empty when it has none" },
  { key: 'action_plan_number', kind: 'integer', description: "Number of the action plan among the member's plans" },
  { key: 'start_year', kind: 'integer', description: 'First year of the action plan' },
  { key: 'end_year', kind: 'integer', description: 'Last year of the action plan' },
  { key: 'number_in_plan', kind: 'integer', description: 'Number of the commitment in its plan; empty when not a whole number' },
  { key: 'number_label', kind: 'text', description: 'The number as the plan writes it (1.2, 3a, III.4), when not a whole number; else empty' },
  { key: 'title', kind: 'text', description: 'Title in the language of the download when it exists, else in the source language' },
  { key: 'title_locale', kind: 'text', description: 'Language the title is in (en, fr, es, sw, ...)' },
  { key: 'source_locale', kind: 'text', description: 'Language the commitment was written in' },
  { key: 'lead_institutions', kind: 'list', description: 'Lead institutions, in the order of the source' },
  { key: 'supporting_institutions', kind: 'list', description: 'Supporting institutions (government and others), in the order of the source' },
  { key: 'policy_areas', kind: 'list', description: "Policy-area keys of OGP's taxonomy, in code-point order (labels in the open-data package)" },
  { key: 'milestone_count', kind: 'integer', description: 'Number of milestones' },
  ...IRM_INDICATOR_KEYS.map(irmColumn),
  { key: 'updated_at', kind: 'text', description: 'When the commitment was last changed in Ahadi (ISO 8601, UTC)' },
];

export type ExportValue = string | number | string[] | null;
/** One commitment of a download, keyed by column key. */
export type ExportRow = Record<string, ExportValue>;

/** A row as CSV or XLSX cells: lists joined one value per line, nothing else changed. */
export function toCells(row: ExportRow): (string | number | null)[] {
  return EXPORT_COLUMNS.map(({ key, kind }) => {
    const value = row[key] ?? null;
    return kind === 'list' ? (value as string[]).join(LIST_SEPARATOR) : value as string | number | null;
  });
}

/**
 * Reads a row of a CSV or XLSX download back (the inverse of `toCells`): empty cells are null, integers numbers,
 * lists split at line breaks, and in CSV the "'" put before a text that looks like a formula or a number taken off
 * again.
 * This is how to re-import a download; the round-trip tests use it.
 */
export function fromCells(cells: readonly unknown[], { csv }: { csv: boolean }): ExportRow {
  return Object.fromEntries(EXPORT_COLUMNS.map(({ key, kind }, i) => {
    const cell = cells[i];
    const raw = cell === null || cell === undefined ? '' : String(cell);
    const text = csv ? unguardFormula(raw) : raw;
    if (kind === 'list') return [key, text === '' ? [] : text.split(LIST_SEPARATOR)];
    if (text === '') return [key, null];
    return [key, kind === 'integer' ? Number(text) : text];
  }));
}

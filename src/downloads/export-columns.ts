import type { Intl } from '../i18n/intl.ts';
import { IRM_INDICATOR_KEYS, type IrmIndicator } from '../irm/indicators.ts';
import { unguardFormula } from './csv-stream.ts';

/**
 * The columns of a commitment list download, the same in CSV, XLSX and JSON: stable English keys (never translated,
 * so a script written against one download reads every other), in this order. Lists (institutions, policy areas)
 * are JSON arrays, and in CSV and XLSX one value per line of the cell: names never contain a line break, so the
 * split is lossless where a comma or semicolon would not be. What a column means is `exportColumnMeaning`.
 */
export type ExportColumnKind = 'text' | 'integer' | 'list';
export type ExportColumn = { key: string; kind: ExportColumnKind };

export const LIST_SEPARATOR = '\n';

const irmColumn = (indicator: IrmIndicator): ExportColumn => ({ key: `irm_${indicator}`, kind: 'text' });

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'ogp_id', kind: 'text' },
  { key: 'member', kind: 'text' },
  { key: 'member_code', kind: 'text' },
  { key: 'action_plan_number', kind: 'integer' },
  { key: 'start_year', kind: 'integer' },
  { key: 'end_year', kind: 'integer' },
  { key: 'number_in_plan', kind: 'integer' },
  { key: 'number_label', kind: 'text' },
  { key: 'title', kind: 'text' },
  { key: 'title_locale', kind: 'text' },
  { key: 'source_locale', kind: 'text' },
  { key: 'lead_institutions', kind: 'list' },
  { key: 'supporting_institutions', kind: 'list' },
  { key: 'policy_areas', kind: 'list' },
  { key: 'milestone_count', kind: 'integer' },
  ...IRM_INDICATOR_KEYS.map(irmColumn),
  { key: 'updated_at', kind: 'text' },
];

/**
 * What a column means, in `intl`'s language (`openData.listColumn.*`; the IRM columns share one message): the open-data
 * page shows it in the page's language, the JSON download's `columns` in English, as the package's dictionaries.
 */
export function exportColumnMeaning(intl: Intl, key: string): string {
  const indicator = IRM_INDICATOR_KEYS.find((i) => key === `irm_${i}`);
  return indicator
    ? intl.t('openData.listColumn.irm', { indicator: intl.t(`irm.indicator.${indicator}`) })
    : intl.t(`openData.listColumn.${key}`);
}

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

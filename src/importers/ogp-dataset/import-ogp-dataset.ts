import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import type { Db } from '../../db/connect.ts';
import { commitmentTargetFrom } from '../commitment-target.ts';
import { runImport, type ImportOptions, type ImportSummary, type SourceRow } from '../import-run.ts';
import { withDisagreementWarnings } from '../rows-that-disagree.ts';
import { readCsv } from '../table/read-csv.ts';
import { missingColumns, TableFileError, type TableRow } from '../table/table.ts';
import { CellError } from '../table/cell-error.ts';
import { COLUMN, REQUIRED_COLUMNS } from './dataset-columns.ts';
import { rowToRecord } from './row-to-record.ts';

/**
 * Imports OGP's commitment dataset (CSV, OGP's own column layout): every row becomes one commitment with its
 * member, plan, institutions, policy areas and IRM reviews, all in one transaction. A file that lacks a column the
 * importer needs is refused before anything is read, naming every missing column. Each commitment it creates or
 * changes gets a history entry whose reason is the file's name.
 */
export async function importOgpDataset(db: Db, file: string, options: Omit<ImportOptions, 'startedAt'>): Promise<ImportSummary> {
  const startedAt = performance.now();
  const table = readCsv(fs.readFileSync(file));
  const missing = missingColumns(table, REQUIRED_COLUMNS);
  if (missing.length > 0) throw new TableFileError(`${path.basename(file)} is not OGP's commitment dataset: ${missingColumnsText(missing, table.columns)}`);
  // Rows are mapped as the import reads them, so that mapping overlaps with the database's work on earlier rows.
  const rows = { length: table.rows.length, *[Symbol.iterator]() { for (const row of table.rows) yield sourceRow(row); } };
  return runImport(db, withDisagreementWarnings(rows), commitmentTargetFrom(path.basename(file)), { ...options, startedAt });
}

function sourceRow(row: TableRow): SourceRow<CommitmentRecordInput> {
  const label = (row.cells[COLUMN.ogpId] ?? '').trim() || '(no id)';
  try {
    const { record, warnings } = rowToRecord(row.cells);
    return { rowNumber: row.rowNumber, label: record.ogpId, item: record, warnings: [...row.warnings, ...warnings] };
  } catch (error) {
    if (error instanceof CellError) return { rowNumber: row.rowNumber, label, rejection: error.message, warnings: [...row.warnings] };
    throw error;
  }
}

/**
 * The columns a file lacks, all of them when a few are missing (a renamed column), else the first few and what the
 * file has instead: a file of another kind would otherwise be answered with all 123 names.
 */
function missingColumnsText(missing: string[], found: readonly string[]): string {
  const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');
  if (missing.length <= MISSING_NAMED) return `missing ${missing.length === 1 ? 'column' : 'columns'} ${quoted(missing)}`;
  return `missing ${missing.length} of its ${REQUIRED_COLUMNS.length} columns, among them ${quoted(missing.slice(0, MISSING_NAMED))}; ` +
    `its header has ${quoted(found.slice(0, MISSING_NAMED))}${found.length > MISSING_NAMED ? ', …' : ''}`;
}

const MISSING_NAMED = 5;

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import type { Db } from '../../db/connect.ts';
import { policyAreaResolver } from '../../policy-areas/policy-area.queries.ts';
import { commitmentTargetFrom } from '../commitment-target.ts';
import { runImport, type ImportOptions, type ImportSummary, type SourceRow } from '../import-run.ts';
import { CellError } from '../table/cell-error.ts';
import { readTableFile } from '../table/read-table-file.ts';
import { missingColumns, TableFileError, type Table, type TableRow } from '../table/table.ts';
import { mappedColumns, readMapping, type CommitmentsMapping, type IdRule, type MilestonesMapping } from './mapping.ts';
import { ogpIdOfRow } from './id-of-row.ts';
import { milestoneTargetFrom } from './milestone-target.ts';
import { rowToCommitment, type PolicyAreaKeyOf } from './row-to-commitment.ts';
import { milestoneText, rowToMilestone, type MilestoneItem } from './row-to-milestone.ts';
import { blankPlaceholders, placeholderIn } from './placeholders.ts';
import { keepLinks } from './keep-links.ts';

/**
 * Imports a secretariat's own spreadsheet (CSV or XLSX) of commitments or of milestones, as its JSON mapping says
 * (see mapping.ts and docs/import-mappings/). The mapping and the sheet's header are checked before any row.
 */
export async function importSpreadsheet(db: Db, file: string, mappingFile: string, options: Omit<ImportOptions, 'startedAt'>): Promise<ImportSummary> {
  const startedAt = performance.now();
  const mapping = readMapping(mappingFile);
  const table = await readTableFile(file, mapping.sheet);
  const missing = missingColumns(table, new Set(mappedColumns(mapping)));
  if (missing.length > 0) {
    throw new TableFileError(`${path.basename(file)} does not match ${path.basename(mappingFile)}: missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  const run = { ...options, startedAt };
  if (mapping.kind === 'commitments') {
    // The sheet's file name is the reason of the history entries it writes, as for the OGP dataset.
    return runImport(db, commitmentRows(mapping, table, await policyAreaResolver(db)), commitmentTargetFrom(path.basename(file)), run);
  }
  return runImport(db, milestoneRows(mapping, table), milestoneTargetFrom(path.basename(file)), run);
}

function commitmentRows(mapping: CommitmentsMapping, table: Table, policyAreaKey: PolicyAreaKeyOf): SourceRow<CommitmentRecordInput>[] {
  return table.rows.map((read) => cellsOf(read, mapping)).map((row) => readRow(row, labelOf(mapping.id, row, '(no id)'), () => {
    const { record, warnings } = rowToCommitment(mapping, row.cells, policyAreaKey);
    return { label: record.ogpId, item: record, warnings };
  }));
}

function milestoneRows(mapping: MilestonesMapping, table: Table): SourceRow<MilestoneItem>[] {
  const countOf = new Map<string, number>();
  const rows = table.rows.map((read): SourceRow<MilestoneItem> => {
    const row = cellsOf(read, mapping);
    if (mapping.skipRowsWithoutText && milestoneText(mapping, row.cells) === undefined) {
      return { rowNumber: row.rowNumber, label: labelOf(mapping.commitment, row, '(no commitment)'), skipped: noTextReason(mapping, read), warnings: [] };
    }
    return readRow(row, labelOf(mapping.commitment, row, '(no commitment)'), () => {
      const next = () => {
        const id = ogpIdOfRow(mapping.commitment, row.cells);
        countOf.set(id, (countOf.get(id) ?? 0) + 1);
        return countOf.get(id)!;
      };
      const { item, warnings } = rowToMilestone(mapping, row.cells, next);
      return { label: `${item.commitmentOgpId}, milestone ${item.milestone.number}`, item, warnings };
    });
  });
  return withSiblings(rows);
}

/** A row's cells as the mapping reads them: placeholders compared on the plain text, then link addresses kept. */
function cellsOf(row: TableRow, mapping: CommitmentsMapping | MilestonesMapping): TableRow {
  return keepLinks(blankPlaceholders(row, mapping.placeholders), mapping.keepLinks);
}

/** Why a row has no milestone text: its text columns are empty, or hold only the template's placeholder. */
function noTextReason(mapping: MilestonesMapping, row: TableRow): string {
  const columns = mapping.columns.text;
  const placeholders = columns.flatMap((column) => {
    const placeholder = placeholderIn(row, column, mapping.placeholders);
    return placeholder === undefined ? [] : [`"${placeholder}" in "${column}"`];
  });
  if (placeholders.length > 0) return `only the template's placeholder text: ${placeholders.join(', ')}`;
  return `no text in ${columns.map((c) => `"${c}"`).join(', ')}`;
}

/** Each milestone learns the numbers of the other milestones of its commitment in the file (see MilestoneList). */
function withSiblings(rows: SourceRow<MilestoneItem>[]): SourceRow<MilestoneItem>[] {
  const numbersOf = new Map<string, number[]>();
  for (const row of rows) if (row.item) numbersOf.set(row.item.commitmentOgpId, [...(numbersOf.get(row.item.commitmentOgpId) ?? []), row.item.milestone.number]);
  for (const row of rows) if (row.item) row.item.alsoKeep = numbersOf.get(row.item.commitmentOgpId)!;
  return rows;
}

/**
 * What a row is called in the report when it is rejected: the OGP id it names, so that a row rejected for another
 * cell (a date, a policy area) is found by its id; `none` when its id cannot be read either.
 */
function labelOf(rule: IdRule, row: TableRow, none: string): string {
  try {
    return ogpIdOfRow(rule, row.cells);
  } catch (error) {
    if (error instanceof CellError) return none;
    throw error;
  }
}

/** A row read by `read`, or rejected with the problem's column (and labelled `label` for the report). */
function readRow<T>(row: TableRow, label: string, read: () => { label: string; item: T; warnings: string[] }): SourceRow<T> {
  try {
    const result = read();
    return { rowNumber: row.rowNumber, ...result, warnings: [...row.warnings, ...result.warnings] };
  } catch (error) {
    if (error instanceof CellError) return { rowNumber: row.rowNumber, label, rejection: error.message, warnings: [...row.warnings] };
    throw error;
  }
}

import type { Db } from '../db/connect.ts';
import { importSpreadsheet } from '../importers/spreadsheet/import-spreadsheet.ts';
import { parseCommandArgs } from './command-args.ts';
import { existingFile, oneExistingFile, refuseWorkbook } from './import-args.ts';
import { importProgress } from './import-progress.ts';
import { printImportSummary } from './print-import-summary.ts';
import { UsageError } from './usage-error.ts';

export type ImportSpreadsheetArgs = { file: string; mapping: string; dryRun: boolean };

/** `import spreadsheet FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run]`, read before the database is opened. */
export function importSpreadsheetArgs(args: string[]): ImportSpreadsheetArgs {
  const { values, positionals } = parseCommandArgs('import spreadsheet', args, {
    mapping: { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
  });
  const file = oneExistingFile('import spreadsheet', positionals, 'FILE');
  if (!/\.(csv|xlsx)$/i.test(file)) throw new UsageError(`FILE: a spreadsheet must be a .csv or .xlsx file: ${file}`);
  if (/\.csv$/i.test(file)) refuseWorkbook('FILE', file, 'rename it to .xlsx to import the workbook, or save it as "CSV UTF-8"');
  const mapping = values.mapping;
  if (typeof mapping !== 'string' || mapping === '') throw new UsageError('--mapping: give the JSON mapping file (see docs/import-mappings/)');
  return { file, mapping: existingFile('--mapping', mapping), dryRun: values['dry-run'] === true };
}

/** Imports a secretariat's sheet by its mapping; prints the summary; exit 1 if a row is rejected. */
export async function importSpreadsheetCommand(db: Db, { file, mapping, dryRun }: ImportSpreadsheetArgs): Promise<number> {
  const progress = importProgress('spreadsheet');
  try {
    const summary = await importSpreadsheet(db, file, mapping, { dryRun, onProgress: progress.onProgress });
    progress.stop();
    return printImportSummary(summary, `spreadsheet ${file}`);
  } finally {
    progress.stop();
  }
}

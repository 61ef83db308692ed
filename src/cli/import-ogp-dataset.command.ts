import type { Db } from '../db/connect.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { parseCommandArgs } from './command-args.ts';
import { oneExistingFile, refuseWorkbook } from './import-args.ts';
import { importProgress } from './import-progress.ts';
import { printImportSummary } from './print-import-summary.ts';

export type ImportOgpDatasetArgs = { file: string; dryRun: boolean };

/** `import ogp-dataset FILE.csv [--dry-run]`, read before the database is opened so that a typo costs nothing. */
export function importOgpDatasetArgs(args: string[]): ImportOgpDatasetArgs {
  const { values, positionals } = parseCommandArgs('import ogp-dataset', args, { 'dry-run': { type: 'boolean', default: false } });
  const file = oneExistingFile('import ogp-dataset', positionals, 'FILE.csv');
  refuseWorkbook('FILE.csv', file, 'save it as "CSV UTF-8" (Excel) or as CSV with the character set "Unicode (UTF-8)" ' +
    '(LibreOffice), then import the .csv; a workbook in another layout imports with "import spreadsheet FILE.xlsx --mapping MAPPING.json"');
  return { file, dryRun: values['dry-run'] === true };
}

/** Imports OGP's commitment dataset; prints the summary (and a progress bar on a terminal); exit 1 if a row is rejected. */
export async function importOgpDatasetCommand(db: Db, { file, dryRun }: ImportOgpDatasetArgs): Promise<number> {
  const progress = importProgress('ogp-dataset');
  try {
    const summary = await importOgpDataset(db, file, { dryRun, onProgress: progress.onProgress });
    progress.stop();
    return printImportSummary(summary, `ogp-dataset ${file}`);
  } finally {
    progress.stop();
  }
}

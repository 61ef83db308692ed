import type { Db } from '../db/connect.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { oneExistingFile, parseImportArgs } from './import-args.ts';
import { importProgress } from './import-progress.ts';
import { printImportSummary } from './print-import-summary.ts';

export type ImportOgpDatasetArgs = { file: string; dryRun: boolean };

/** `import ogp-dataset FILE.csv [--dry-run]`, read before the database is opened so that a typo costs nothing. */
export function importOgpDatasetArgs(args: string[]): ImportOgpDatasetArgs {
  const { values, positionals } = parseImportArgs('import ogp-dataset', args, { 'dry-run': { type: 'boolean', default: false } });
  return { file: oneExistingFile('import ogp-dataset', positionals, 'FILE.csv'), dryRun: values['dry-run'] === true };
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

import fs from 'node:fs';
import type { Db } from '../db/connect.ts';
import { importOgpPage } from '../importers/ogp-page/import-ogp-page.ts';
import { parseCommandArgs, wholeNumberOption } from './command-args.ts';
import { oneExistingFile, refuseWorkbook } from './import-args.ts';
import { printImportSummary } from './print-import-summary.ts';

export type ImportOgpPageArgs = { file: string; planNumber: number | undefined; dryRun: boolean };

/** `import ogp-page FILE [--plan-number N] [--dry-run]`, read before the database is opened so that a typo costs nothing. */
export function importOgpPageArgs(args: string[]): ImportOgpPageArgs {
  const { values, positionals } = parseCommandArgs('import ogp-page', args, {
    'plan-number': { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
  });
  const file = oneExistingFile('import ogp-page', positionals);
  refuseWorkbook('FILE', file, 'save the commitment page from the browser as text (Save Page As, "Text Files")');
  return { file, planNumber: wholeNumberOption('plan-number', values['plan-number'], 1, 99), dryRun: values['dry-run'] === true };
}

/** Imports one page: prints what was (or would be) stored, the summary every import prints, and every warning. */
export async function importOgpPageCommand(db: Db, { file, planNumber, dryRun }: ImportOgpPageArgs): Promise<number> {
  const result = await importOgpPage(db, fs.readFileSync(file, 'utf8'), { ...(planNumber ? { planNumber } : {}), dryRun });
  const verb = dryRun && result.outcome !== 'unchanged' ? `would ${result.outcome.replace(/d$/, '')}` : result.outcome;
  console.log(`${result.ogpId}: ${verb}${dryRun ? ' (dry run: nothing written)' : ''}`);
  return printImportSummary(result.summary, `ogp-page ${file}`, { listRows: false });
}

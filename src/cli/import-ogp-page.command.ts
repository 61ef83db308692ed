import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { importOgpPage } from '../importers/ogp-page/import-ogp-page.ts';
import { printImportSummary } from './print-import-summary.ts';
import { UsageError } from './usage-error.ts';

const ArgsSchema = z.object({
  file: z.string().min(1),
  planNumber: z.coerce.number().int().min(1).max(99).optional(),
  dryRun: z.boolean(),
});

/** `import ogp-page FILE [--plan-number N] [--dry-run]`: prints what was (or would be) stored, the summary every import prints, and every warning. */
export async function importOgpPageCommand(db: Db, positionals: string[], flags: { 'plan-number'?: string; 'dry-run'?: boolean }): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('import ogp-page takes exactly one FILE');
  const args = ArgsSchema.safeParse({ file: positionals[0], planNumber: flags['plan-number'], dryRun: flags['dry-run'] ?? false });
  if (!args.success) {
    throw new UsageError(args.error.issues.map((i) => `--${i.path.join('.').replace('planNumber', 'plan-number')}: ${i.message}`).join('\n'));
  }
  const { file, planNumber, dryRun } = args.data;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`FILE: no such file: ${file}`);
  const result = await importOgpPage(db, fs.readFileSync(file, 'utf8'), { ...(planNumber ? { planNumber } : {}), dryRun });
  const verb = dryRun && result.outcome !== 'unchanged' ? `would ${result.outcome.replace(/d$/, '')}` : result.outcome;
  console.log(`${result.ogpId}: ${verb}${dryRun ? ' (dry run: nothing written)' : ''}`);
  return printImportSummary(result.summary, `ogp-page ${file}`, { listRows: false });
}

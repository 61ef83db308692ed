import type { ImportSummary } from '../importers/import-run.ts';
import { formatImportSummary } from '../importers/import-summary.ts';

/**
 * Prints an import's report (rows, counts, rate, outcome) on stdout and its warnings on stderr, and gives the exit
 * code: 1 when a row was rejected (nothing was written), else 0.
 */
export function printImportSummary(summary: ImportSummary, source: string, options: { listRows?: boolean } = {}): number {
  const { lines, warnings } = formatImportSummary(summary, source, options);
  for (const warning of warnings) process.stderr.write(`${warning}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return summary.counts.rejected > 0 ? 1 : 0;
}

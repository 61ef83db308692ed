import type { ImportSummary, RowResult } from './import-run.ts';

const VERB: Record<RowResult['outcome'], { done: string; wouldBe: string }> = {
  created: { done: 'created', wouldBe: 'would create' },
  updated: { done: 'updated', wouldBe: 'would update' },
  unchanged: { done: 'unchanged', wouldBe: 'unchanged' },
  rejected: { done: 'rejected', wouldBe: 'rejected' },
  skipped: { done: 'skipped', wouldBe: 'skipped' },
};

/**
 * The report every import prints, in the same shape whatever the source:
 * the rows that would change (dry run) and every rejected row with its reason, then the counts, the rate and
 * whether anything was written. Warnings go to the caller's error stream, one per line, with their row.
 */
export function formatImportSummary(summary: ImportSummary, source: string, options: { listRows?: boolean } = {}): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  for (const result of options.listRows === false ? [] : summary.results) {
    const listed = result.outcome === 'rejected' || result.outcome === 'skipped' || (summary.dryRun && result.outcome !== 'unchanged');
    if (listed) lines.push(rowLine(result, summary.dryRun));
  }
  const { created, updated, unchanged, rejected, skipped } = summary.counts;
  const total = summary.results.length;
  lines.push(
    `${source}: ${total} ${total === 1 ? 'row' : 'rows'}`,
    `  ${summary.dryRun ? 'would create' : 'created'}: ${created}`,
    `  ${summary.dryRun ? 'would update' : 'updated'}: ${updated}`,
    `  unchanged: ${unchanged}`,
    `  rejected: ${rejected}`,
    `  skipped: ${skipped}`,
    `  warnings: ${summary.warnings.length}`,
    ...overwritesLine(summary),
    `  time: ${summary.seconds.toFixed(3)} s (${formatRate(total, summary.seconds)} rows/s)`,
    conclusion(summary),
  );
  return { lines, warnings: summary.warnings.map((w) => `warning: row ${w.rowNumber}: ${w.message}`) };
}

function rowLine(result: RowResult, dryRun: boolean): string {
  const verb = dryRun ? VERB[result.outcome].wouldBe : VERB[result.outcome].done;
  return `row ${result.rowNumber} ${result.label}: ${verb}${result.reason ? `: ${result.reason}` : ''}`;
}

/** Said apart from the other warnings, which a long file has many of: each asks the person importing to decide. */
function overwritesLine(summary: ImportSummary): string[] {
  const count = summary.results.reduce((sum, r) => sum + (r.overwrites ?? 0), 0);
  if (count === 0) return [];
  return [`  of which ${summary.dryRun ? 'would overwrite' : 'overwrote'} changes made in Ahadi since the last import: ${count}`];
}

function formatRate(rows: number, seconds: number): string {
  return seconds > 0 ? Math.round(rows / seconds).toLocaleString('en-US') : '-';
}

function conclusion(summary: ImportSummary): string {
  const rejected = summary.counts.rejected;
  if (summary.dryRun) return 'Dry run: nothing written.';
  if (summary.written) return 'Written in one transaction.';
  return `Nothing written: ${rejected} ${rejected === 1 ? 'row was' : 'rows were'} rejected (the import is all or nothing).`;
}

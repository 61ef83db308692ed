import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/connect.ts';
import { policyAreaResolver } from '../../policy-areas/policy-area.queries.ts';
import { commitmentTarget } from '../commitment-target.ts';
import { runImport, type ImportSummary, type Outcome } from '../import-run.ts';
import { parseOgpPage } from './parse-ogp-page.ts';
import { pageToCommitmentRecord } from './page-to-record.ts';

export type ImportOgpPageResult = { ogpId: string; outcome: Outcome; warnings: string[]; dryRun: boolean; summary: ImportSummary };

/**
 * Imports one commitment page: parse, build the record, save it through the runner every import shares (one
 * transaction; a dry run does all of it, constraints included, then rolls back, so it reports exactly what a real
 * run would do). A page that cannot be saved throws, naming why.
 */
export async function importOgpPage(db: Db, text: string, options: { planNumber?: number; dryRun?: boolean } = {}): Promise<ImportOgpPageResult> {
  const startedAt = performance.now();
  const page = parseOgpPage(text);
  const { record, warnings } = pageToCommitmentRecord(page, {
    policyAreaKey: await policyAreaResolver(db),
    ...(options.planNumber === undefined ? {} : { planNumber: options.planNumber }),
  });
  const dryRun = Boolean(options.dryRun);
  const summary = await runImport(db, [{ rowNumber: 1, label: page.ogpId, item: record, warnings }], commitmentTarget, { dryRun, startedAt });
  const [result] = summary.results;
  if (!result || result.outcome === 'rejected' || result.outcome === 'skipped') throw new Error(`${page.ogpId}: ${result?.reason ?? 'not saved'}`);
  return { ogpId: page.ogpId, outcome: result.outcome, warnings: summary.warnings.map((w) => w.message), dryRun, summary };
}

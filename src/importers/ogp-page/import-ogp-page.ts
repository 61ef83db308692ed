import type { Db } from '../../db/connect.ts';
import { saveCommitmentRecord } from '../../commitments/save-commitment-record.ts';
import { policyAreaResolver } from '../../policy-areas/policy-area.queries.ts';
import { parseOgpPage } from './parse-ogp-page.ts';
import { pageToCommitmentRecord } from './page-to-record.ts';

export type ImportOgpPageResult = { ogpId: string; outcome: 'created' | 'updated'; warnings: string[]; dryRun: boolean };

class DryRunRollback extends Error {}

/**
 * Imports one commitment page: parse, build the record, save it in one transaction. A dry run does all of it,
 * constraints included, then rolls back, so it reports exactly what a real run would do.
 */
export async function importOgpPage(db: Db, text: string, options: { planNumber?: number; dryRun?: boolean } = {}): Promise<ImportOgpPageResult> {
  const page = parseOgpPage(text);
  const { record, warnings } = pageToCommitmentRecord(page, {
    policyAreaKey: await policyAreaResolver(db),
    ...(options.planNumber === undefined ? {} : { planNumber: options.planNumber }),
  });
  let result: ImportOgpPageResult | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const saved = await saveCommitmentRecord(trx, record);
      result = { ogpId: page.ogpId, outcome: saved.created ? 'created' : 'updated', warnings: [...warnings, ...saved.warnings], dryRun: Boolean(options.dryRun) };
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result!;
}

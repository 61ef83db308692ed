import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecords, type SaveOutcome } from './save-commitment-records.ts';

export type SaveResult = { commitmentId: string; created: boolean; outcome: SaveOutcome; warnings: string[] };

/**
 * Stores one commitment record: a batch of one for `saveCommitmentRecords`, which holds all the logic (upsert by
 * OGP id, so importing the same source twice updates and never duplicates). Runs inside the caller's transaction:
 * a failure anywhere leaves nothing written.
 */
export async function saveCommitmentRecord(trx: Transaction<Database>, input: CommitmentRecordInput): Promise<SaveResult> {
  const [saved] = await saveCommitmentRecords(trx, [input]);
  if (!saved) throw new Error('saveCommitmentRecords returned no result for one record');
  return { commitmentId: saved.commitmentId, created: saved.outcome === 'created', outcome: saved.outcome, warnings: saved.warnings };
}

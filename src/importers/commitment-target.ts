import type { z } from 'zod';
import { CommitmentRecordSchema, OgpIdSchema, type CommitmentRecord, type CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { recordHash } from '../commitments/record-hash.ts';
import { saveValidatedCommitmentRecords, type SaveOptions } from '../commitments/save-commitment-records.ts';
import type { ImportTarget } from './import-run.ts';

/** "texts.en.title: Too small ..." for each problem, so a rejected row names the field at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
}

// What the schema gave for each record checked, so that saving does not parse it a second time.
const validated = new WeakMap<CommitmentRecordInput, CommitmentRecord>();

/** Commitment records, saved in batches by saveCommitmentRecords; two rows with one OGP id are one commitment. */
export const commitmentTarget: ImportTarget<CommitmentRecordInput> = {
  keyOf: (record) => OgpIdSchema.safeParse(record.ogpId).data ?? record.ogpId,
  check(record) {
    const parsed = CommitmentRecordSchema.safeParse(record);
    if (!parsed.success) return describeIssues(parsed.error);
    validated.set(record, parsed.data);
    // Hashed now, while the previous batch is being saved, rather than when this one is (recordHash remembers it).
    recordHash(parsed.data);
    return undefined;
  },
  save: (trx, records) => saveBatch(trx, records, {}),
  tables: ['members', 'action_plans', 'commitments', 'commitment_texts', 'institutions', 'commitment_institutions',
    'commitment_policy_areas', 'milestones', 'milestone_texts', 'irm_reviews', 'irm_review_texts', 'irm_ratings'],
};

/** The same for an import of one named source (its file name): the history entries it writes give it as reason. */
export function commitmentTargetFrom(source: string): ImportTarget<CommitmentRecordInput> {
  return { ...commitmentTarget, save: (trx, records) => saveBatch(trx, records, { source }) };
}

async function saveBatch(trx: Parameters<ImportTarget<CommitmentRecordInput>['save']>[0], records: CommitmentRecordInput[], options: SaveOptions) {
  const parsed = records.map((record) => validated.get(record) ?? CommitmentRecordSchema.parse(record));
  return (await saveValidatedCommitmentRecords(trx, parsed, options)).map(({ outcome, warnings, overwrites }) => ({ outcome, warnings, overwrites }));
}

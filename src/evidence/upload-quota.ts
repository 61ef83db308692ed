import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldErrors } from '../http/form.ts';
import type { StoredUpload } from './evidence-upload.ts';

export const QUOTA_ERROR = 'evidence.error.quota';

/**
 * The upload quota (`AHADI_UPLOAD_QUOTA_MB`, decision 014): the evidence files an account added in the last 24 hours
 * and the ones it sends now must fit in `quotaBytes`, so that a stolen or runaway account cannot fill the disk. A file
 * counts once however many items point to it (the same minutes for three milestones take the disk once). Measured in
 * the recording transaction under the account's advisory lock, so two uploads at once each count the other. Answers
 * the error for each field holding a new file, or nothing when they fit.
 */
export async function overUploadQuota(trx: Transaction<Database>, accountId: string, files: StoredUpload[],
  quotaBytes: number): Promise<FieldErrors | null> {
  if (files.length === 0) return null;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`evidence-quota:${accountId}`}, 0))`.execute(trx);
  // By the index of migration 026 on (added_by, added_at).
  const { rows: [sums] } = await sql<{ used: string; total: string }>`
    with earlier as (
      select f.sha256, f.size_bytes from evidence_items i join evidence_files f on f.sha256 = i.file_sha256
      where i.added_by = ${accountId} and i.added_at > now() - interval '24 hours')
    select (select coalesce(sum(size_bytes), 0) from (select distinct * from earlier) e) as used,
      (select coalesce(sum(size_bytes), 0) from (select * from earlier union
        select * from unnest(${files.map((f) => f.sha256)}::text[], ${files.map((f) => f.sizeBytes)}::bigint[])) a) as total
  `.execute(trx);
  if (Number(sums!.total) <= quotaBytes) return null;
  const error = { key: QUOTA_ERROR, values: { used: { fileSize: Number(sums!.used) }, max: { fileSize: quotaBytes } } };
  return Object.fromEntries(files.map((f) => [f.field, error]));
}

/** The refusal is the quota's: the form is answered 413, as a body too large is. */
export const refusedForQuota = (errors: FieldErrors): boolean =>
  Object.values(errors).some((e) => typeof e === 'object' && e.key === QUOTA_ERROR);

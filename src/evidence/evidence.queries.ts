import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** A piece of evidence as the file route needs it: the stored file, who may see it, and whether it is published. */
export type ServedEvidence = {
  kind: 'file' | 'link';
  restricted: boolean;
  /** The round is closed: its public evidence is published, and nothing in it changes any more. */
  published: boolean;
  fileName: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  mediaType: string | null;
  /** The institutions that lead or support the milestone's commitment. */
  institutionIds: string[];
};

export async function findServedEvidence(db: Db, itemId: string): Promise<ServedEvidence | undefined> {
  const row = await db.selectFrom('evidence_items as i')
    .innerJoin('milestone_reports as r', 'r.id', 'i.milestone_report_id')
    .innerJoin('reporting_rounds as rr', 'rr.id', 'r.reporting_round_id')
    .innerJoin('milestones as m', 'm.id', 'r.milestone_id')
    .leftJoin('evidence_files as f', 'f.sha256', 'i.file_sha256')
    .select(['i.kind', 'i.restricted', 'i.file_name', 'f.sha256', 'f.size_bytes', 'f.media_type', 'rr.closed_at'])
    .select((eb) => sql<string[]>`array(select ci.institution_id::text from commitment_institutions ci
      where ci.commitment_id = ${eb.ref('m.commitment_id')})`.as('institution_ids'))
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    kind: row.kind, restricted: row.restricted, published: row.closed_at !== null, fileName: row.file_name,
    sha256: row.sha256, sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes), mediaType: row.media_type,
    institutionIds: row.institution_ids,
  };
}

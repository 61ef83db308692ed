import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { intlFor } from '../i18n/intl.ts';

/**
 * The IRM reviews that an IRM researcher or the secretariat recorded or revised in Ahadi (decision 012,
 * `record_irm_review`), of the given commitments, by `commitmentId:report`, with who last did and when. An import
 * keeps these: OGP's dataset is a copy of what the IRM published, often older than the assessment recorded here, and
 * replacing it would undo the researcher's work without a history entry.
 */
export async function reviewsRecordedHere(trx: Transaction<Database>, commitmentIds: string[]): Promise<Map<string, string>> {
  if (commitmentIds.length === 0) return new Map();
  const rows = await sql<{ commitment_id: string; report: string; actor_name: string | null; occurred_at: Date }>`
    select r.commitment_id, r.report, a.name as actor_name, last.occurred_at
    from irm_reviews r
    join lateral (select c.actor_id, c.occurred_at from changes c
      where c.entity_type = 'irm_review' and c.entity_id = r.id order by c.id desc limit 1) last on true
    left join accounts a on a.id = last.actor_id
    where r.commitment_id = any(${commitmentIds}::bigint[])`.execute(trx);
  return new Map(rows.rows.map((r) => [`${r.commitment_id}:${r.report}`, `${r.actor_name ?? 'someone'}, ${r.occurred_at.toISOString().slice(0, 16).replace('T', ' ')} UTC`]));
}

// In English, the importers' language, as their other warnings.
const english = intlFor('en');

/** The warning on an import's row whose file rates a report that was assessed in Ahadi. */
export function keptReviewWarning(ogpId: string, report: string, who: string): string {
  return `${ogpId}: the IRM assessment of its ${english.t(`irm.report.${report}`)} was recorded in Ahadi (${who}); it is kept, `
    + 'and the file\'s ratings for that report are not imported: revise the assessment in Ahadi if the file is right';
}

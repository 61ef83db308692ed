import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * The public reporting record of an action plan (issue 4 §3): its closed rounds and, per institution, how it
 * reported in them. Read from the snapshots closed rounds published only; an open round counts for nothing yet.
 */

export type ClosedRound = { id: string; label: string; deadline: Date; closedAt: Date };

/**
 * One institution's figures over every closed round of the plan. A snapshot row is counted for each institution
 * responsible for the milestone (every lead of the commitment at close, `round_snapshot_institutions`: a co-led
 * milestone counts for each), or for the one that reported when none was named; `institution` is null when neither
 * is known.
 * - due: one per milestone and closed round; onTime + late + missing = due.
 * - claims: reports saying "in progress" or "complete"; claimsWithEvidence: those with at least one evidence item,
 *   restricted ones included (they evidence the claim, the public just cannot open them).
 * - confirmed + disputed + insufficientEvidence + notVerified = onTime + late (every report given), by the verdict
 *   summary the round published.
 */
export type InstitutionReporting = {
  institution: { slug: string; name: string; memberSlug: string | null } | null;
  due: number; onTime: number; late: number; missing: number;
  claims: number; claimsWithEvidence: number;
  confirmed: number; disputed: number; insufficientEvidence: number; notVerified: number;
};

export function findClosedRounds(db: Db, actionPlanId: string): Promise<ClosedRound[]> {
  return db.selectFrom('reporting_rounds')
    .select(['id', 'label', 'deadline', sql<Date>`closed_at`.as('closedAt')])
    .where('action_plan_id', '=', actionPlanId).where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc').orderBy('id', 'desc')
    .execute();
}

/** Every institution's figures in one grouped query, institutions by name (the unnamed last). */
export async function findInstitutionReporting(db: Db, actionPlanId: string): Promise<InstitutionReporting[]> {
  const claim = sql`s.status in ('in_progress', 'complete')`;
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const rows = await db.selectFrom('reporting_round_snapshots as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.reporting_round_id')
    .leftJoin('milestone_reports as mr', 'mr.id', 's.milestone_report_id')
    .leftJoin('round_snapshot_institutions as si', (join) => join.onRef('si.reporting_round_id', '=', 's.reporting_round_id')
      .onRef('si.milestone_id', '=', 's.milestone_id'))
    .leftJoin('institutions as i', (join) => join.on(sql<SqlBool>`i.id = coalesce(si.institution_id, mr.institution_id)`))
    .leftJoin('members as im', 'im.id', 'i.member_id')
    .select([
      'i.slug', 'i.name', 'im.slug as member_slug',
      sql<number>`count(*)::int`.as('due'),
      count(sql`s.status is not null and not s.late`).as('on_time'),
      count(sql`s.status is not null and s.late`).as('late'),
      count(sql`s.status is null`).as('missing'),
      count(claim).as('claims'),
      count(sql`${claim} and s.evidence_count > 0`).as('claims_with_evidence'),
      count(sql`s.verdict = 'confirmed'`).as('confirmed'),
      count(sql`s.verdict = 'disputed'`).as('disputed'),
      count(sql`s.verdict = 'insufficient_evidence'`).as('insufficient'),
      count(sql`s.status is not null and s.verdict is null`).as('not_verified'),
    ])
    .where('r.action_plan_id', '=', actionPlanId).where('r.closed_at', 'is not', null)
    .groupBy(['i.id', 'i.slug', 'i.name', 'im.slug'])
    .orderBy(sql`i.name is null`).orderBy('i.name').orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    institution: r.slug && r.name ? { slug: r.slug, name: r.name, memberSlug: r.member_slug } : null,
    due: r.due, onTime: r.on_time, late: r.late, missing: r.missing,
    claims: r.claims, claimsWithEvidence: r.claims_with_evidence,
    confirmed: r.confirmed, disputed: r.disputed, insufficientEvidence: r.insufficient, notVerified: r.not_verified,
  }));
}

/** A share as a fraction from 0 to 1, or null when there is nothing to share (no report was due, no claim made). */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

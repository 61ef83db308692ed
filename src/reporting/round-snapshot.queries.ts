import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { MilestoneReportStatus, Verdict } from '../db/schema.ts';
import type { ResponsibleInstitution } from './reporting.queries.ts';

/**
 * The published snapshot of a closed round (reporting_round_snapshots), each milestone with what the previous
 * closed round of the same plan said of it, for the comparison on the public page.
 */
export type SnapshotRow = {
  milestoneId: string; number: number; ogpId: string; text: string | null; textLocale: string | null;
  /** The institutions the snapshot names as responsible (migration 015), in order; empty when none. */
  responsible: ResponsibleInstitution[];
  status: MilestoneReportStatus | null; percent: number | null; submittedAt: Date | null; late: boolean;
  evidenceCount: number; publicEvidenceCount: number;
  verdict: Verdict | null; confirmed: number; disputed: number; insufficient: number;
  /** Undefined when there is no previous closed round; null status when the milestone was missing from it. */
  previous?: { status: MilestoneReportStatus | null; percent: number | null } | undefined;
};

export type PreviousRound = { id: string; label: string };

export async function findPreviousRound(db: Db, round: { id: string; actionPlanId: string; closedAt: Date }): Promise<PreviousRound | null> {
  const row = await db.selectFrom('reporting_rounds').select(['id', 'label'])
    .where('action_plan_id', '=', round.actionPlanId).where('closed_at', 'is not', null)
    .where((eb) => eb.or([eb('closed_at', '<', round.closedAt), eb.and([eb('closed_at', '=', round.closedAt), eb('id', '<', round.id)])]))
    .orderBy('closed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}

export async function snapshotRows(db: Db, roundId: string, previousRoundId: string | null, locale: string): Promise<SnapshotRow[]> {
  const rows = await sql<{
    milestone_id: string; number: number; ogp_id: string; text: string | null; text_locale: string | null;
    responsible: ResponsibleInstitution[]; status: MilestoneReportStatus | null; percent_complete: number | null;
    submitted_at: Date | null; late: boolean; evidence_count: number; public_evidence_count: number; verdict: Verdict | null;
    confirmed_count: number; disputed_count: number; insufficient_count: number;
    previous_found: boolean | null; previous_status: MilestoneReportStatus | null; previous_percent: number | null;
  }>`
    select s.milestone_id, m.number, c.ogp_id, t.text, t.locale as text_locale, coalesce(si.list, '[]'::json) as responsible,
      s.status, s.percent_complete, s.submitted_at, s.late, s.evidence_count, s.public_evidence_count, s.verdict,
      s.confirmed_count, s.disputed_count, s.insufficient_count,
      p.milestone_id is not null as previous_found, p.status as previous_status, p.percent_complete as previous_percent
    from reporting_round_snapshots s
    join milestones m on m.id = s.milestone_id
    join commitments c on c.id = m.commitment_id
    left join lateral (select json_agg(json_build_object('id', i.id::text, 'name', i.name) order by sri.position) as list,
        (array_agg(i.name order by sri.position))[1] as first_name
      from round_snapshot_institutions sri join institutions i on i.id = sri.institution_id
      where sri.reporting_round_id = s.reporting_round_id and sri.milestone_id = s.milestone_id) si on true
    left join lateral (select mt.text, mt.locale from milestone_texts mt where mt.milestone_id = m.id
      order by mt.locale = ${locale} desc, mt.locale = c.source_locale desc, mt.locale limit 1) t on true
    left join reporting_round_snapshots p on p.reporting_round_id = ${previousRoundId} and p.milestone_id = s.milestone_id
    where s.reporting_round_id = ${roundId}
    order by si.first_name nulls last, c.number_in_plan nulls last, c.ogp_id, m.number`.execute(db);
  return rows.rows.map((r) => ({
    milestoneId: r.milestone_id, number: r.number, ogpId: r.ogp_id, text: r.text, textLocale: r.text_locale,
    responsible: r.responsible,
    status: r.status, percent: r.percent_complete, submittedAt: r.submitted_at, late: r.late,
    evidenceCount: r.evidence_count, publicEvidenceCount: r.public_evidence_count, verdict: r.verdict,
    confirmed: r.confirmed_count, disputed: r.disputed_count, insufficient: r.insufficient_count,
    previous: previousRoundId === null ? undefined : r.previous_found ? { status: r.previous_status, percent: r.previous_percent } : { status: null, percent: null },
  }));
}

/** How a milestone moved since the previous round (public page): newly complete, newly missing, changed or unchanged. */
export type Movement = 'newly_complete' | 'newly_missing' | 'changed' | 'unchanged';

export function movement(row: SnapshotRow): Movement | null {
  if (row.previous === undefined) return null;
  const before = row.previous.status;
  if (row.status === 'complete' && before !== 'complete') return 'newly_complete';
  if (row.status === null && before !== null) return 'newly_missing';
  if (row.status === before && (row.status === null || row.percent === row.previous.percent)) return 'unchanged';
  return 'changed';
}

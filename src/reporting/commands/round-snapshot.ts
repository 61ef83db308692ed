import { sql } from 'kysely';
import type { Trx } from '../../commitments/commands/change-log.ts';
import { inRound } from '../round-scope.ts';

/**
 * The published snapshot of a round (migration 008): one row per milestone the round counts (round-scope.ts: not
 * those of a withdrawn commitment, unless reported on) as it stands now, missing ones included (status null).
 * Responsible = every lead institution of the commitment (decision 013, amended): all of them in
 * `round_snapshot_institutions` (migration 015), in their order, and the first also in the row's
 * `responsible_institution_id`, which older readers and the open-data package keep using. Late = first submitted
 * after the deadline (a revision of a report given in time is not late). Verdicts count only when they judged the
 * final revision; the one shown is "disputed" if any reviewer disputed, else "insufficient evidence" if any, else
 * "confirmed" if any. Written once, by the close command (and by the demo, which closes its round the same way).
 */
export async function writeRoundSnapshot(trx: Trx, roundId: string): Promise<number> {
  const result = await sql`
    insert into reporting_round_snapshots (reporting_round_id, milestone_id, responsible_institution_id, milestone_report_id,
      status, percent_complete, submitted_at, late, evidence_count, public_evidence_count,
      verdict, confirmed_count, disputed_count, insufficient_count)
    select r.id, m.id,
      (select ci.institution_id from commitment_institutions ci
        where ci.commitment_id = c.id and ci.role = 'lead' order by ci.position, ci.institution_id limit 1),
      mr.id, mr.status, mr.percent_complete, mr.submitted_at, coalesce(mr.first_submitted_at > r.deadline, false),
      coalesce(e.total, 0), coalesce(e.public, 0),
      case when v.disputed > 0 then 'disputed' when v.insufficient > 0 then 'insufficient_evidence'
           when v.confirmed > 0 then 'confirmed' end,
      coalesce(v.confirmed, 0), coalesce(v.disputed, 0), coalesce(v.insufficient, 0)
    from reporting_rounds r
    join commitments c on c.action_plan_id = r.action_plan_id
    join milestones m on m.commitment_id = c.id
    left join milestone_reports mr on mr.reporting_round_id = r.id and mr.milestone_id = m.id
    left join lateral (
      select count(*)::int as total, (count(*) filter (where not ei.restricted))::int as public
      from evidence_items ei where ei.milestone_report_id = mr.id) e on true
    left join lateral (
      select (count(*) filter (where vd.verdict = 'confirmed'))::int as confirmed,
             (count(*) filter (where vd.verdict = 'disputed'))::int as disputed,
             (count(*) filter (where vd.verdict = 'insufficient_evidence'))::int as insufficient
      from milestone_report_verdicts vd where vd.milestone_report_id = mr.id and vd.report_revision = mr.revision) v on true
    where r.id = ${roundId} and ${inRound('c', 'mr')}`.execute(trx);
  // Same order as the first lead above, so position 0 is always the row's responsible_institution_id.
  await sql`
    insert into round_snapshot_institutions (reporting_round_id, milestone_id, institution_id, position)
    select s.reporting_round_id, s.milestone_id, ci.institution_id,
      row_number() over (partition by s.milestone_id order by ci.position, ci.institution_id) - 1
    from reporting_round_snapshots s
    join milestones m on m.id = s.milestone_id
    join commitment_institutions ci on ci.commitment_id = m.commitment_id and ci.role = 'lead'
    where s.reporting_round_id = ${roundId}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

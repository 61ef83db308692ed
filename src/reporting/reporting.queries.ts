import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { MilestoneReportStatus, Verdict } from '../db/schema.ts';
import type { RoundTarget } from './commands/round-target.ts';
import { inRound } from './round-scope.ts';

/**
 * What the workspace pages read of rounds while they are open: every milestone of the round's plan with its
 * responsible institutions (every lead of the commitment, in their order: decision 013, amended), the institutions
 * that may report on it (its leads and supporters), and the current report with its evidence and the verdicts on its
 * current revision.
 */
export type RoundSummary = RoundTarget & { openedAt: Date; milestoneCount: number; reportedCount: number };

export async function listRounds(db: Db, options: { openOnly?: boolean; actionPlanIds?: string[] } = {}): Promise<RoundSummary[]> {
  if (options.actionPlanIds && options.actionPlanIds.length === 0) return [];
  let query = db.selectFrom('reporting_rounds as r')
    .select(['r.id', 'r.action_plan_id', 'r.label', 'r.deadline', 'r.opened_at', 'r.closed_at',
      sql<number>`(select count(*)::int from milestones m join commitments c on c.id = m.commitment_id
        left join milestone_reports mr on mr.reporting_round_id = r.id and mr.milestone_id = m.id
        where c.action_plan_id = r.action_plan_id and ${inRound('c', 'mr')})`.as('milestones'),
      sql<number>`(select count(*)::int from milestone_reports mr where mr.reporting_round_id = r.id)`.as('reported')])
    .orderBy(sql`r.closed_at is null`, 'desc').orderBy('r.deadline', 'desc').orderBy('r.id', 'desc');
  if (options.openOnly) query = query.where('r.closed_at', 'is', null);
  if (options.actionPlanIds) query = query.where('r.action_plan_id', 'in', options.actionPlanIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id, actionPlanId: r.action_plan_id, label: r.label, deadline: r.deadline, closedAt: r.closed_at, openedAt: r.opened_at,
    milestoneCount: r.milestones, reportedCount: r.reported,
  }));
}

/** The plans in which an institution leads or supports a commitment. */
export async function plansOfInstitution(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db.selectFrom('commitments as c').innerJoin('commitment_institutions as ci', 'ci.commitment_id', 'c.id')
    .select('c.action_plan_id').distinct().where('ci.institution_id', '=', institutionId).execute();
  return rows.map((r) => r.action_plan_id);
}

/** An institution named as responsible for a milestone. */
export type ResponsibleInstitution = { id: string; name: string };

export type RoundMilestone = {
  id: string; number: number; ogpId: string; commitmentId: string; text: string | null; textLocale: string | null;
  /** Its commitment was withdrawn: nobody reports on it any more (round-scope.ts). */
  withdrawn: boolean;
  /** Every lead institution of the commitment, in order; empty when it names none. */
  responsible: ResponsibleInstitution[]; institutionIds: string[];
  report: {
    id: string; status: MilestoneReportStatus; percent: number; revision: number; submittedAt: Date; late: boolean;
    institutionName: string; evidenceCount: number;
    verdicts: Record<Verdict, number>;
    /** The reader's own verdict (reviewers), with the revision it judged. */
    myVerdict: { verdict: Verdict; revision: number } | null;
  } | null;
};

/**
 * The milestones the round counts (round-scope.ts), in plan order; with `milestoneId`, that milestone of the plan
 * alone, counted or not, for its own report page (which says when its commitment was withdrawn).
 */
export async function roundMilestones(db: Db, round: RoundTarget, locale: string, readerId: string | null = null,
  milestoneId: string | null = null): Promise<RoundMilestone[]> {
  const rows = await sql<{
    id: string; number: number; ogp_id: string; commitment_id: string; text: string | null; text_locale: string | null; withdrawn: boolean;
    responsible: ResponsibleInstitution[]; institution_ids: string[];
    report_id: string | null; status: MilestoneReportStatus | null; percent_complete: number | null; revision: number | null;
    submitted_at: Date | null; first_submitted_at: Date | null; reporter: string | null; evidence: number;
    confirmed: number; disputed: number; insufficient: number; my_verdict: Verdict | null; my_revision: number | null;
  }>`
    select m.id, m.number, c.ogp_id, c.id as commitment_id, t.text, t.locale as text_locale,
      coalesce(c.status = 'withdrawn', false) as withdrawn,
      coalesce((select json_agg(json_build_object('id', i.id::text, 'name', i.name) order by ci.position, ci.institution_id)
        from commitment_institutions ci join institutions i on i.id = ci.institution_id
        where ci.commitment_id = c.id and ci.role = 'lead'), '[]'::json) as responsible,
      array(select ci.institution_id::text from commitment_institutions ci where ci.commitment_id = c.id) as institution_ids,
      mr.id as report_id, mr.status, mr.percent_complete, mr.revision, mr.submitted_at, mr.first_submitted_at, ri.name as reporter,
      (select count(*)::int from evidence_items ei where ei.milestone_report_id = mr.id) as evidence,
      (select count(*)::int from milestone_report_verdicts v where v.milestone_report_id = mr.id and v.report_revision = mr.revision and v.verdict = 'confirmed') as confirmed,
      (select count(*)::int from milestone_report_verdicts v where v.milestone_report_id = mr.id and v.report_revision = mr.revision and v.verdict = 'disputed') as disputed,
      (select count(*)::int from milestone_report_verdicts v where v.milestone_report_id = mr.id and v.report_revision = mr.revision and v.verdict = 'insufficient_evidence') as insufficient,
      mine.verdict as my_verdict, mine.report_revision as my_revision
    from commitments c
    join milestones m on m.commitment_id = c.id
    left join lateral (select mt.text, mt.locale from milestone_texts mt where mt.milestone_id = m.id
      order by mt.locale = ${locale} desc, mt.locale = c.source_locale desc, mt.locale limit 1) t on true
    left join milestone_reports mr on mr.reporting_round_id = ${round.id} and mr.milestone_id = m.id
    left join institutions ri on ri.id = mr.institution_id
    left join milestone_report_verdicts mine on mine.milestone_report_id = mr.id and mine.reviewer_id = ${readerId}
    where c.action_plan_id = ${round.actionPlanId} and ${milestoneId === null ? inRound('c', 'mr') : sql`m.id = ${milestoneId}`}
    order by c.number_in_plan nulls last, c.ogp_id, m.number`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id, number: r.number, ogpId: r.ogp_id, commitmentId: r.commitment_id, text: r.text, textLocale: r.text_locale,
    withdrawn: r.withdrawn, responsible: r.responsible,
    institutionIds: r.institution_ids,
    report: r.report_id ? {
      id: r.report_id, status: r.status!, percent: r.percent_complete!, revision: r.revision!, submittedAt: r.submitted_at!,
      late: r.first_submitted_at! > round.deadline, institutionName: r.reporter ?? '', evidenceCount: r.evidence,
      verdicts: { confirmed: r.confirmed, disputed: r.disputed, insufficient_evidence: r.insufficient },
      myVerdict: r.my_verdict ? { verdict: r.my_verdict, revision: r.my_revision! } : null,
    } : null,
  }));
}

/** The verdict a report shows, from the counts on its current revision (decision 013): a dispute outweighs the rest. */
export function shownVerdict(counts: Record<Verdict, number>): Verdict | null {
  if (counts.disputed > 0) return 'disputed';
  if (counts.insufficient_evidence > 0) return 'insufficient_evidence';
  if (counts.confirmed > 0) return 'confirmed';
  return null;
}

/**
 * Milestones grouped by responsible institution, groups in the order they first come. A co-led milestone is in
 * the group of each of its institutions: each answers for it (decision 013, amended), so each one's figures count
 * it. Milestones naming no institution make one group without a name.
 */
export function byInstitution<T extends { responsible: ResponsibleInstitution[] }>(rows: T[]): { name: string | null; rows: T[] }[] {
  const groups = new Map<string, { name: string | null; rows: T[] }>();
  for (const row of rows) {
    const institutions: (ResponsibleInstitution | null)[] = row.responsible.length > 0 ? row.responsible : [null];
    for (const institution of institutions) {
      const key = institution?.id ?? '';
      let group = groups.get(key);
      if (!group) groups.set(key, group = { name: institution?.name ?? null, rows: [] });
      group.rows.push(row);
    }
  }
  return [...groups.values()];
}

/** The other institutions co-leading a milestone, seen from the group of `institutionName` (null: no group). */
export function coLeads(row: { responsible: ResponsibleInstitution[] }, institutionName: string | null): string[] {
  return row.responsible.length > 1 ? row.responsible.map((i) => i.name).filter((name) => name !== institutionName) : [];
}

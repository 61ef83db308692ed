import type { Db } from '../db/connect.ts';
import { saveCommitmentRecord } from '../commitments/save-commitment-record.ts';
import type { Trx } from '../commitments/commands/change-log.ts';
import { writeRoundSnapshot } from '../reporting/commands/round-snapshot.ts';
import { deadlineFromDay } from '../reporting/reporting-format.ts';
import { demoCommitments, demoRounds, type DemoRound } from './demo-data.ts';
import { loadDemoPublications } from './demo-publications.ts';

/** Loads (or refreshes) the demo data set in one transaction. */
export async function loadDemo(db: Db): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const record of demoCommitments) await saveCommitmentRecord(trx, record);
    await loadDemoPublications(trx);
  });
  return demoCommitments.length;
}

/** True when nothing has been published yet: the first start of a new installation. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

const DEMO_EMAILS = { admin: 'admin@ahadi.example', poc: 'poc@ahadi.example', reviewer: 'reviewer@ahadi.example' };
/** The open demo round's deadline: some weeks after loading, so that it is still open when someone walks it. */
const OPEN_ROUND_WEEKS = 6;

/**
 * The demo reporting rounds (demo-data.ts), written as the workspace would have left them, with their dates: they
 * need the demo accounts (the reviewer gives the verdicts), so they load after them, once, on a plan that has no
 * round yet; anywhere else (no demo accounts, an administrator of the installation's own, a plan with real rounds)
 * nothing is written. The closed round gets its
 * snapshot from the same function as the close command. Returns how many rounds were written.
 */
export async function loadDemoRounds(db: Db): Promise<number> {
  const accounts = await db.selectFrom('accounts').select(['id', 'email', 'institution_id'])
    .where('email', 'in', Object.values(DEMO_EMAILS)).execute();
  const account = (email: string) => accounts.find((a) => a.email === email);
  const reviewer = account(DEMO_EMAILS.reviewer);
  // A portal with an administrator of its own is a real one (as for the demo accounts): no made-up rounds there.
  const realAdministrator = await db.selectFrom('accounts').select('id').where('role', '=', 'administrator')
    .where('email', 'not in', Object.values(DEMO_EMAILS)).executeTakeFirst();
  if (!reviewer || realAdministrator) return 0;
  return db.transaction().execute(async (trx) => {
    let written = 0;
    for (const round of demoRounds) {
      const plan = await trx.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id').select('p.id')
        .where('m.slug', '=', round.ogpPlan.member).where('p.number', '=', round.ogpPlan.number).forUpdate().executeTakeFirst();
      if (!plan) continue;
      const labels = await trx.selectFrom('reporting_rounds').select('label').where('action_plan_id', '=', plan.id).execute();
      // Real rounds, or a demo already loaded: leave the plan alone.
      if (labels.some((l) => !demoRounds.some((d) => d.label === l.label)) || labels.some((l) => l.label === round.label)) continue;
      await writeRound(trx, plan.id, round, { admin: account(DEMO_EMAILS.admin)?.id ?? null, poc: account(DEMO_EMAILS.poc)?.id ?? null, reviewer });
      written += 1;
    }
    return written;
  });
}

async function writeRound(trx: Trx, planId: string, round: DemoRound,
  people: { admin: string | null; poc: string | null; reviewer: { id: string; institution_id: string | null } }): Promise<void> {
  const deadline = round.deadline ? deadlineFromDay(round.deadline)
    : deadlineFromDay(new Date(Date.now() + OPEN_ROUND_WEEKS * 7 * 86_400_000).toISOString().slice(0, 10));
  const row = await trx.insertInto('reporting_rounds').values({
    action_plan_id: planId, label: round.label, deadline, opened_at: new Date(round.openedAt), opened_by: people.admin,
  }).returning('id').executeTakeFirstOrThrow();
  for (const report of round.reports) {
    const milestone = await trx.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
      .innerJoin('commitment_institutions as ci', (j) => j.onRef('ci.commitment_id', '=', 'c.id').on('ci.role', '=', 'lead'))
      .select(['m.id', 'ci.institution_id']).where('c.ogp_id', '=', 'KE0031').where('m.number', '=', report.milestone)
      .orderBy('ci.position').limit(1).executeTakeFirstOrThrow();
    const first = new Date(report.submittedAt);
    const last = report.revisedAt ? new Date(report.revisedAt) : first;
    const saved = await trx.insertInto('milestone_reports').values({
      reporting_round_id: row.id, milestone_id: milestone.id, institution_id: milestone.institution_id, status: report.status,
      percent_complete: report.percent, narrative: report.narrative, narrative_locale: 'en', revision: report.revisedAt ? 2 : 1,
      submitted_by: people.poc, first_submitted_at: first, submitted_at: last,
    }).returning(['id', 'revision']).executeTakeFirstOrThrow();
    for (const link of report.links ?? []) {
      await trx.insertInto('evidence_items').values({
        milestone_report_id: saved.id, kind: 'link', title: link.title, url: link.url, added_by: people.poc, added_at: first,
      }).execute();
    }
    if (report.verdict) {
      await trx.insertInto('milestone_report_verdicts').values({
        milestone_report_id: saved.id, reviewer_id: people.reviewer.id, reviewer_institution_id: people.reviewer.institution_id,
        verdict: report.verdict.verdict, comment: report.verdict.comment ?? null, report_revision: saved.revision,
        recorded_at: new Date(last.getTime() + 3 * 86_400_000),
      }).execute();
    }
  }
  if (round.closedAt) {
    await writeRoundSnapshot(trx, row.id);
    await trx.updateTable('reporting_rounds').set({ closed_at: new Date(round.closedAt), closed_by: people.admin }).where('id', '=', row.id).execute();
  }
}

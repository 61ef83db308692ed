import type { Db } from '../../src/db/connect.ts';
import type { MilestoneReportStatus } from '../../src/db/schema.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/**
 * A small action plan for the reminder tests, written straight to the tables: two lead institutions, each with a
 * point of contact in another language, and milestones whose end dates have each precision.
 *
 * - RM0001 (led by the Ministry of Water, PoC `water@example.org`, French): milestone 1 ends in Q1 2026 (quarter
 *   precision: due by 2026-03-31), milestone 2 on 2026-11-20, milestone 3 has no end date.
 * - RM0002 (led by the Ministry of Roads, PoC `roads@example.org`, Swahili): milestone 1 ends in October 2026.
 * - A civil-society reviewer of the Ministry of Roads' plan, who is never reminded of anything.
 */
export type ReminderWorld = {
  planId: string;
  institutions: { water: string; roads: string };
  accounts: { water: string; roads: string; reviewer: string };
  milestones: { waterQ1: string; waterDay: string; waterUndated: string; roadsMonth: string };
};

// Never checked: these accounts do not sign in.
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

export async function insertReminderWorld(db: Db): Promise<ReminderWorld> {
  const member = await db.insertInto('members').values({ slug: 'reminderland', name: 'Reminderland', kind: 'national', ogp_prefix: 'RM' })
    .returning('id').executeTakeFirstOrThrow();
  const plan = await db.insertInto('action_plans').values({ member_id: member.id, number: 1, submission_year: 2025, start_year: 2025, end_year: 2027 })
    .returning('id').executeTakeFirstOrThrow();
  const institution = async (slug: string, name: string) => (await db.insertInto('institutions')
    .values({ member_id: member.id, slug, name, kind: 'ministry' }).returning('id').executeTakeFirstOrThrow()).id;
  const water = await institution('ministry-of-water', 'Ministry of Water');
  const roads = await institution('ministry-of-roads', 'Ministry of Roads');

  const commitment = async (ogpId: string, lead: string, title: string) => {
    const row = await db.insertInto('commitments').values({ ogp_id: ogpId, action_plan_id: plan.id, number_in_plan: Number(ogpId.slice(-2)), status: 'active', source_locale: 'en' })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('commitment_texts').values({ commitment_id: row.id, locale: 'en', title }).execute();
    await db.insertInto('commitment_institutions').values({ commitment_id: row.id, institution_id: lead, role: 'lead', actor_group: null, position: 1 }).execute();
    return row.id;
  };
  const milestone = async (commitmentId: string, number: number, end: { date: string; precision: string } | null, texts: Record<string, string>) => {
    const row = await db.insertInto('milestones').values({
      commitment_id: commitmentId, number, end_date: end?.date ?? null, end_precision: end?.precision ?? null, end_raw: end?.date ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [locale, text] of Object.entries(texts)) await db.insertInto('milestone_texts').values({ milestone_id: row.id, locale, text }).execute();
    return row.id;
  };
  const rm1 = await commitment('RM0001', water, 'Clean water for every village');
  const rm2 = await commitment('RM0002', roads, 'Open road contracts');
  const milestones = {
    waterQ1: await milestone(rm1, 1, { date: '2026-01-01', precision: 'quarter' }, { en: 'Publish the water quality data', fr: 'Publier les données sur la qualité de l’eau' }),
    waterDay: await milestone(rm1, 2, { date: '2026-11-20', precision: 'day' }, { en: 'Open the complaints desk', fr: 'Ouvrir le guichet des plaintes' }),
    waterUndated: await milestone(rm1, 3, null, { en: 'Review the water law' }),
    roadsMonth: await milestone(rm2, 1, { date: '2026-10-01', precision: 'month' }, { en: 'Publish every road contract', sw: 'Chapisha kila mkataba wa barabara' }),
  };

  const account = async (email: string, role: 'point_of_contact' | 'civil_society_reviewer', institutionId: string | null, locale: string) =>
    (await db.insertInto('accounts').values({ email, name: email.split('@')[0] ?? email, password_hash: PASSWORD_HASH, role, institution_id: institutionId, locale })
      .returning('id').executeTakeFirstOrThrow()).id;
  const accounts = {
    water: await account('water@example.org', 'point_of_contact', water, 'fr'),
    roads: await account('roads@example.org', 'point_of_contact', roads, 'sw'),
    reviewer: await account('reviewer@example.org', 'civil_society_reviewer', null, 'en'),
  };
  return { planId: plan.id, institutions: { water, roads }, accounts, milestones };
}

/**
 * A commitment co-led by both ministries (RM0003: the Ministry of Water first, then the Ministry of Roads), with one
 * milestone due on 2026-11-10, and a second point of contact at the Ministry of Roads (`roads-deputy@example.org`).
 * Every lead answers for the milestone, so each of the three points of contact is reminded of it.
 */
export async function insertCoLedCommitment(db: Db, world: ReminderWorld): Promise<{ milestoneId: string; deputy: string }> {
  const commitment = await db.insertInto('commitments').values({ ogp_id: 'RM0003', action_plan_id: world.planId, number_in_plan: 3, status: 'active', source_locale: 'en' })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('commitment_texts').values({ commitment_id: commitment.id, locale: 'en', title: 'Shared water and road works' }).execute();
  await db.insertInto('commitment_institutions').values([
    { commitment_id: commitment.id, institution_id: world.institutions.water, role: 'lead', actor_group: null, position: 0 },
    { commitment_id: commitment.id, institution_id: world.institutions.roads, role: 'lead', actor_group: null, position: 1 },
  ]).execute();
  const milestone = await db.insertInto('milestones').values({ commitment_id: commitment.id, number: 1, end_date: '2026-11-10', end_precision: 'day', end_raw: '2026-11-10' })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('milestone_texts').values({ milestone_id: milestone.id, locale: 'en', text: 'Lay pipes along the new roads' }).execute();
  const deputy = await db.insertInto('accounts').values({ email: 'roads-deputy@example.org', name: 'roads-deputy', password_hash: PASSWORD_HASH,
    role: 'point_of_contact', institution_id: world.institutions.roads, locale: 'en' }).returning('id').executeTakeFirstOrThrow();
  return { milestoneId: milestone.id, deputy: deputy.id };
}

/** The reminder checks' test bed: a database of its own holding the world above, and a mailer writing to its outbox. */
export type ReminderTestbed = TestDatabase & { world: ReminderWorld };

export async function createReminderTestbed(): Promise<ReminderTestbed> {
  const database = await createTestDatabase();
  return { ...database, world: await insertReminderWorld(database.db) };
}

export const REMINDER_MAILER = createMailer({ smtpUrl: undefined, mailFrom: 'Ahadi <ahadi@example.org>' });
export const REMINDER_BASE_URL = 'https://ahadi.example.org';

/** Empties what the reminder checks read and write, so each test starts from the bare world. */
export async function clearReminderActivity(db: Db): Promise<void> {
  for (const table of ['outbox', 'reminders_sent', 'evidence_items', 'milestone_reports', 'reporting_rounds'] as const) {
    await db.deleteFrom(table).execute();
  }
}

export async function insertRound(db: Db, planId: string, label: string, deadline: Date): Promise<string> {
  return (await db.insertInto('reporting_rounds').values({ action_plan_id: planId, label, deadline }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function closeRound(db: Db, roundId: string): Promise<void> {
  await db.updateTable('reporting_rounds').set({ closed_at: new Date() }).where('id', '=', roundId).execute();
}

/** A report on a milestone, with one link as evidence when `evidence` is true. */
export async function insertReport(db: Db, report: {
  roundId: string; milestoneId: string; institutionId: string; status: MilestoneReportStatus; evidence?: boolean;
}): Promise<void> {
  const percent = report.status === 'complete' ? 100 : report.status === 'in_progress' ? 50 : 0;
  const row = await db.insertInto('milestone_reports').values({
    reporting_round_id: report.roundId, milestone_id: report.milestoneId, institution_id: report.institutionId,
    status: report.status, percent_complete: percent, narrative: 'Done as planned.', narrative_locale: 'en',
  }).returning('id').executeTakeFirstOrThrow();
  if (report.evidence) {
    await db.insertInto('evidence_items').values({ milestone_report_id: row.id, kind: 'link', title: 'Minutes', url: 'https://example.org/minutes' }).execute();
  }
}

export async function outboxRows(db: Db) {
  return db.selectFrom('outbox').select(['kind', 'to_address', 'subject', 'body_text']).orderBy('id').execute();
}

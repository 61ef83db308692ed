import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderTestbed, insertCoLedCommitment, insertReport, insertRound, outboxRows, REMINDER_BASE_URL as BASE, REMINDER_MAILER as mailer, type ReminderTestbed } from '../../test/helpers/reminder-data.ts';
import { runReminderChecks } from './run-reminders.ts';

// A commitment co-led by two institutions: the points of contact of both answer for its milestone (decision 013, amended).
let t: ReminderTestbed;
let coLed: Awaited<ReturnType<typeof insertCoLedCommitment>>;
beforeAll(async () => {
  t = await createReminderTestbed();
  coLed = await insertCoLedCommitment(t.db, t.world);
});
afterAll(async () => { await t.drop(); });

const run = (now: string) => runReminderChecks({ db: t.db, mailer, baseUrl: BASE }, new Date(now));
const CO_LED_RECIPIENTS = ['roads-deputy@example.org', 'roads@example.org', 'water@example.org'];

describe('reminders of a co-led milestone', () => {
  it('reach the points of contact of every lead institution, each once per stage and milestone, however often the jobs run', async () => {
    // A round closing on 26 November 2026 in which every milestone but the co-led one is reported.
    const roundId = await insertRound(t.db, t.world.planId, '2026 Q4', new Date('2026-11-26T23:59:59.999Z'));
    const { milestones, institutions } = t.world;
    for (const [milestoneId, institutionId] of [[milestones.waterQ1, institutions.water], [milestones.waterDay, institutions.water],
      [milestones.waterUndated, institutions.water], [milestones.roadsMonth, institutions.roads]] as const) {
      await insertReport(t.db, { roundId, milestoneId, institutionId, status: 'in_progress' });
    }

    // 13 November: the co-led milestone fell due on the 10th (the others are not due or already reported of).
    const overdue = [...await run('2026-11-13T00:30:00Z'), ...await run('2026-11-13T01:30:00Z')]
      .filter((s) => s.aboutDate === '2026-11-10');
    expect(overdue.map((s) => [s.kind, s.to]).sort()).toEqual(CO_LED_RECIPIENTS.map((to) => ['milestone_overdue', to]));

    // 24 November: three days before the deadline, the co-led milestone is the only one missing.
    const deadline = [...await run('2026-11-24T10:00:00Z'), ...await run('2026-11-24T11:00:00Z')].filter((s) => s.kind === 'round_deadline');
    expect(deadline.map((s) => [s.kind, s.to, s.aboutDate]).sort())
      .toEqual(CO_LED_RECIPIENTS.map((to) => ['round_deadline', to, '2026-11-23']));

    const mails = (await outboxRows(t.db)).filter((m) => m.body_text.includes('RM0003'));
    expect(mails.map((m) => [m.kind, m.to_address]).sort()).toEqual([
      ...CO_LED_RECIPIENTS.map((to) => ['milestone_overdue_reminder', to]), ...CO_LED_RECIPIENTS.map((to) => ['round_deadline_reminder', to]),
    ].sort());
    // Each names the reader's own institution, which answers for the milestone.
    expect(mails.find((m) => m.to_address === 'roads-deputy@example.org' && m.kind === 'round_deadline_reminder')?.body_text).toContain('Ministry of Roads');
    expect(mails.find((m) => m.to_address === 'water@example.org' && m.kind === 'round_deadline_reminder')?.body_text).toContain('Ministry of Water');

    // The record of what was sent: one row per person and stage or milestone.
    const recorded = await t.db.selectFrom('reminders_sent').select(['kind', 'account_id', 'milestone_id', 'about_date'])
      .where((eb) => eb.or([eb('milestone_id', '=', coLed.milestoneId), eb('kind', '=', 'round_deadline')])).execute();
    expect(recorded).toHaveLength(6);
    expect(recorded.filter((r) => r.account_id === coLed.deputy).map((r) => r.kind).sort()).toEqual(['milestone_overdue', 'round_deadline']);
  });
});

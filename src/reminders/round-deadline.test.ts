import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRound, clearReminderActivity, createReminderTestbed, insertReport, insertRound, outboxRows, REMINDER_BASE_URL as BASE, REMINDER_MAILER as mailer, type ReminderTestbed } from '../../test/helpers/reminder-data.ts';
import { checkRoundDeadlines } from './round-deadline.ts';

let t: ReminderTestbed;
// The round closes at the end of 26 November 2026, UTC.
const DEADLINE = new Date('2026-11-26T23:59:59.999Z');
const check = (now: string) => checkRoundDeadlines(t.db, mailer, BASE, new Date(now));

beforeAll(async () => { t = await createReminderTestbed(); });
afterAll(async () => { await t.drop(); });
beforeEach(async () => { await clearReminderActivity(t.db); });

describe('checkRoundDeadlines', () => {
  it('sends nothing while the deadline is more than three days away, or once it has passed', async () => {
    await insertRound(t.db, t.world.planId, '2026 Q4', DEADLINE);
    expect(await check('2026-11-23T23:00:00Z')).toEqual([]);
    expect(await check('2026-11-27T00:00:00Z')).toEqual([]);
    expect(await outboxRows(t.db)).toEqual([]);
  });

  it('three days before, e-mails each point of contact the milestones of their institution not yet reported, in their language', async () => {
    const roundId = await insertRound(t.db, t.world.planId, '2026 Q4', DEADLINE);
    await insertReport(t.db, { roundId, milestoneId: t.world.milestones.waterDay, institutionId: t.world.institutions.water, status: 'in_progress' });

    const sent = await check('2026-11-24T10:00:00Z');
    expect(sent.map((s) => [s.kind, s.to, s.aboutDate])).toEqual([
      ['round_deadline', 'water@example.org', '2026-11-23'],
      ['round_deadline', 'roads@example.org', '2026-11-23'],
    ]);
    const [water, roads] = await outboxRows(t.db);
    expect(water).toMatchObject({ kind: 'round_deadline_reminder', to_address: 'water@example.org' });
    expect(water?.subject).toBe('Rappel : le cycle de rapport « 2026 Q4 » se termine le 26 novembre 2026');
    // Milestone 2 is reported; milestone 3 has no French text, so its English one is shown.
    expect(water?.body_text).toContain('RM0001, jalon 1 : Publier les données sur la qualité de l’eau\n- RM0001, jalon 3 : Review the water law');
    expect(water?.body_text).not.toContain('jalon 2');
    expect(water?.body_text).toContain('Ministry of Water n’a pas encore rendu compte de ces 2 jalons');
    expect(water?.body_text).toContain(`${BASE}/fr/reporting/rounds/${roundId}/workspace`);
    expect(roads?.subject).toContain('Kikumbusho');
    expect(roads?.body_text).toContain('RM0002, hatua muhimu 1: Chapisha kila mkataba wa barabara');
    expect(roads?.body_text).toContain(`${BASE}/sw/reporting/rounds/${roundId}/workspace`);
    // The reviewer is nobody's point of contact.
    expect((await outboxRows(t.db)).map((r) => r.to_address)).not.toContain('reviewer@example.org');
  });

  it('sends each stage once, then again on the last day to whoever has still not reported', async () => {
    const roundId = await insertRound(t.db, t.world.planId, '2026 Q4', DEADLINE);
    expect(await check('2026-11-24T10:00:00Z')).toHaveLength(2);
    expect(await check('2026-11-24T11:00:00Z')).toEqual([]);
    expect(await check('2026-11-25T09:00:00Z')).toEqual([]);

    await insertReport(t.db, { roundId, milestoneId: t.world.milestones.roadsMonth, institutionId: t.world.institutions.roads, status: 'complete', evidence: true });
    const lastDay = await check('2026-11-26T06:00:00Z');
    expect(lastDay.map((s) => [s.to, s.aboutDate])).toEqual([['water@example.org', '2026-11-25']]);
    expect(await check('2026-11-26T07:00:00Z')).toEqual([]);
    expect(await t.db.selectFrom('reminders_sent').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirst()).toEqual({ n: '3' });
  });

  it('a round opened on its last day gets the last-day reminder only', async () => {
    await insertRound(t.db, t.world.planId, '2026 Q4', DEADLINE);
    expect((await check('2026-11-26T12:00:00Z')).map((s) => s.aboutDate)).toEqual(['2026-11-25', '2026-11-25']);
    expect(await check('2026-11-26T13:00:00Z')).toEqual([]);
  });

  it('sends nothing for a closed round', async () => {
    const roundId = await insertRound(t.db, t.world.planId, '2026 Q4', DEADLINE);
    await closeRound(t.db, roundId);
    expect(await check('2026-11-24T10:00:00Z')).toEqual([]);
    expect(await outboxRows(t.db)).toEqual([]);
  });
});

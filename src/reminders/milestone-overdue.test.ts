import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearReminderActivity, createReminderTestbed, insertReport, insertRound, outboxRows, REMINDER_BASE_URL as BASE, REMINDER_MAILER as mailer, type ReminderTestbed } from '../../test/helpers/reminder-data.ts';
import { checkOverdueMilestones } from './milestone-overdue.ts';

let t: ReminderTestbed;
const check = (now: string) => checkOverdueMilestones(t.db, mailer, BASE, new Date(now));

beforeAll(async () => { t = await createReminderTestbed(); });
afterAll(async () => { await t.drop(); });
beforeEach(async () => { await clearReminderActivity(t.db); });

describe('checkOverdueMilestones', () => {
  it('a milestone due in a quarter is overdue only once the quarter has ended', async () => {
    // RM0001 milestone 1 ends "Q1 2026", stored as 2026-01-01: due by the end of March.
    expect(await check('2026-03-31T23:00:00Z')).toEqual([]);
    const sent = await check('2026-04-01T01:00:00Z');
    expect(sent.map((s) => [s.kind, s.to, s.aboutDate])).toEqual([['milestone_overdue', 'water@example.org', '2026-01-01']]);
    const [mail] = await outboxRows(t.db);
    expect(mail).toMatchObject({ kind: 'milestone_overdue_reminder', to_address: 'water@example.org' });
    // In the point of contact's language (French), with the quarter as the plan gave it.
    expect(mail?.subject).toBe('Le jalon 1 de RM0001 a dépassé sa date de fin');
    expect(mail?.body_text).toContain('était prévu pour T1 2026');
    expect(mail?.body_text).toContain('RM0001, jalon 1 : Publier les données sur la qualité de l’eau');
    // No round is open: the link is the commitment's page.
    expect(mail?.body_text).toContain(`Aucun cycle de rapport n’est ouvert pour son plan d’action en ce moment : rendez-en compte dans le prochain. Son engagement :\n${BASE}/fr/commitments/RM0001`);
  });

  it('sends once per milestone and end date, also when two processes check at the same instant', async () => {
    const [first, second] = await Promise.all([check('2026-04-01T01:00:00Z'), check('2026-04-01T01:00:00Z')]);
    expect([...first!, ...second!]).toHaveLength(1);
    expect(await check('2026-04-02T01:00:00Z')).toEqual([]);
    expect(await outboxRows(t.db)).toHaveLength(1);

    // Re-planned to June, it is reminded of again once June has passed.
    await t.db.updateTable('milestones').set({ end_date: '2026-06-01', end_precision: 'month' }).where('id', '=', t.world.milestones.waterQ1).execute();
    try {
      expect((await check('2026-07-01T00:00:00Z')).map((s) => s.aboutDate)).toEqual(['2026-06-01']);
    } finally {
      await t.db.updateTable('milestones').set({ end_date: '2026-01-01', end_precision: 'quarter' }).where('id', '=', t.world.milestones.waterQ1).execute();
    }
  });

  it('a complete report with evidence settles a milestone; one without, or in progress, does not', async () => {
    const roundId = await insertRound(t.db, t.world.planId, '2026 Q4', new Date('2026-12-31T23:59:59.999Z'));
    await insertReport(t.db, { roundId, milestoneId: t.world.milestones.waterDay, institutionId: t.world.institutions.water, status: 'complete', evidence: true });
    await insertReport(t.db, { roundId, milestoneId: t.world.milestones.roadsMonth, institutionId: t.world.institutions.roads, status: 'complete' });

    // RM0001 milestone 2 (20 November) is settled; RM0002 milestone 1 (October) has no evidence; Q1 is long past.
    const sent = await check('2026-11-22T08:00:00Z');
    expect(sent.map((s) => [s.to, s.aboutDate])).toEqual([['roads@example.org', '2026-10-01']]);
    const [mail] = await outboxRows(t.db);
    // In Swahili, pointing to the open round's workspace.
    expect(mail?.subject).toBe('Hatua muhimu 1 ya RM0002 imepita tarehe yake ya mwisho');
    expect(mail?.body_text).toContain(`katika mzunguko wa ripoti ulio wazi:\n${BASE}/sw/reporting/rounds/${roundId}/workspace`);
  });

  it('leaves alone milestones that fell due more than 30 days ago, undated ones, and those of withdrawn commitments', async () => {
    expect(await check('2026-05-02T00:00:00Z')).toEqual([]);
    await t.db.updateTable('commitments').set({ status: 'withdrawn' }).where('ogp_id', '=', 'RM0002').execute();
    try {
      expect(await check('2026-11-02T00:00:00Z')).toEqual([]);
    } finally {
      await t.db.updateTable('commitments').set({ status: 'active' }).where('ogp_id', '=', 'RM0002').execute();
    }
    expect(await outboxRows(t.db)).toEqual([]);
  });
});

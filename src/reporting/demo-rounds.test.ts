import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createDemoAccounts, type DemoAccount } from '../demo/demo-accounts.ts';
import { loadDemoRounds } from '../demo/load-demo.ts';
import { LOCALES } from '../i18n/locales.ts';
import { person } from '../../test/helpers/reporting-data.ts';
import { closeReportingRound } from './commands/close-reporting-round.ts';
import { movement, type SnapshotRow } from './round-snapshot.queries.ts';

let t: TestApp;
let demo: DemoAccount[];
beforeAll(async () => {
  t = await createTestApp();
  demo = await createDemoAccounts(t.database.db);
});
afterAll(async () => { await t.close(); });

const rounds = () => t.database.db.selectFrom('reporting_rounds').selectAll().orderBy('id').execute();

describe('the demo reporting rounds', () => {
  it('are written once, after the demo accounts: 2021 Q3 closed with its snapshot, 2021 Q4 open', async () => {
    expect(await loadDemoRounds(t.database.db)).toBe(2);
    expect(await loadDemoRounds(t.database.db)).toBe(0);
    const [q3, q4] = await rounds();
    expect(q3).toMatchObject({ label: '2021 Q3' });
    expect(q3!.closed_at).not.toBeNull();
    expect(q4).toMatchObject({ label: '2021 Q4', closed_at: null });
    expect(q4!.deadline.getTime()).toBeGreaterThan(Date.now());
    const snapshot = await t.database.db.selectFrom('reporting_round_snapshots as s').innerJoin('milestones as m', 'm.id', 's.milestone_id')
      .select(['m.number', 's.status', 's.late', 's.verdict', 's.evidence_count']).where('s.reporting_round_id', '=', q3!.id).orderBy('m.number').execute();
    expect(snapshot).toHaveLength(7);
    expect(snapshot.filter((s) => s.status === null).map((s) => s.number)).toEqual([7]);
    expect(snapshot.filter((s) => s.late).map((s) => s.number)).toEqual([2, 6]);
    expect(snapshot.find((s) => s.number === 2)).toMatchObject({ status: 'complete', verdict: 'disputed', evidence_count: 1 });
  });

  it('can be walked in every language: the public snapshot, and the workspace of the demo PoC and reviewer', async () => {
    const [q3, q4] = await rounds();
    const poc = demo.find((a) => a.email === 'poc@ahadi.example')!;
    const reviewer = demo.find((a) => a.email === 'reviewer@ahadi.example')!;
    for (const locale of LOCALES) {
      const published = await new WebClient(t.app).get(`/${locale}/reporting/rounds/${q3!.id}`);
      expect(published.statusCode, locale).toBe(200);
      expect(published.body).toContain('verdict verdict-disputed');
      expect((await new WebClient(t.app).get(`/${locale}/reporting/rounds/${q4!.id}`)).statusCode).toBe(200);
      for (const account of [poc, reviewer]) {
        const client = await signedIn(t.app, { id: '', name: '', institutionId: null, totpSecret: null, ...account }, { locale });
        const workspace = await client.get(`/${locale}/reporting`);
        expect(workspace.statusCode, `${account.email} ${locale}`).toBe(200);
        expect(workspace.body).toContain(`/${locale}/reporting/rounds/${q4!.id}/milestones/`);
        expect((await client.get(`/${locale}/reporting/rounds/${q4!.id}/workspace`)).statusCode).toBe(200);
      }
    }
  });

  it('once 2021 Q4 closes, its public page compares each milestone with 2021 Q3', async () => {
    const [q3, q4] = await rounds();
    const admin = (await person(t.database.db, 'administrator')).user;
    expect(await closeReportingRound(t.database.db, admin, q4!.id, { confirm: 'yes' })).toMatchObject({ ok: true });
    const page = (await new WebClient(t.app).get(`/en/reporting/rounds/${q4!.id}`)).body;
    expect(page).toContain('Compared with the previous round, 2021 Q3.');
    expect(page).toContain(`href="/en/reporting/rounds/${q3!.id}"`);
    // The first row of each milestone (a co-led one is in each of its institutions' sections, naming the other).
    const cell = (number: number) => new RegExp(`milestone ${number}:?</span>:? <span>[^<]*</span></a>(?:(?!</th>).)*</th>(?:(?!</tr>).)*<td data-label="Since the previous round">([^<]*)</td>`).exec(page)?.[1];
    expect([1, 2, 3, 7].map(cell)).toEqual(['Status changed', 'Unchanged', 'Newly missing', 'Unchanged']);
  });
});

describe('movement since the previous round', () => {
  const row = (status: SnapshotRow['status'], percent: number | null, previous?: SnapshotRow['previous']) =>
    ({ status, percent, previous }) as SnapshotRow;
  it('tells newly complete, newly missing, changed and unchanged apart; nothing without a previous round', () => {
    expect(movement(row('complete', 100, { status: 'in_progress', percent: 80 }))).toBe('newly_complete');
    expect(movement(row('complete', 100, { status: null, percent: null }))).toBe('newly_complete');
    expect(movement(row(null, null, { status: 'in_progress', percent: 80 }))).toBe('newly_missing');
    expect(movement(row('in_progress', 90, { status: 'in_progress', percent: 80 }))).toBe('changed');
    expect(movement(row('in_progress', 80, { status: null, percent: null }))).toBe('changed');
    expect(movement(row('in_progress', 80, { status: 'in_progress', percent: 80 }))).toBe('unchanged');
    expect(movement(row(null, null, { status: null, percent: null }))).toBe('unchanged');
    expect(movement(row('complete', 100))).toBeNull();
  });
});

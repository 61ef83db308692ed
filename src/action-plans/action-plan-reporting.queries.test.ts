import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/helpers/database.ts';
import { createPublicReportingDatabase, type WithFixture } from '../../test/helpers/public-reporting-app.ts';
import { EXPECTED_INSTITUTION_REPORTING } from '../../test/helpers/public-reporting-data.ts';
import { findClosedRounds, findInstitutionReporting, share } from './action-plan-reporting.queries.ts';

let database: WithFixture<TestDatabase>;
beforeAll(async () => { database = await createPublicReportingDatabase(); });
afterAll(async () => { await database.drop(); });

describe('findClosedRounds', () => {
  it('lists the plan\'s closed rounds, newest first, and never the open one', async () => {
    const rounds = await findClosedRounds(database.db, database.fixture.planId);
    expect(rounds.map((r) => r.label)).toEqual(['2021 Q4', '2021 Q3']);
    expect(rounds[0]!.closedAt.toISOString()).toBe('2022-01-20T00:00:00.000Z');
  });
});

describe('findInstitutionReporting', () => {
  it('gives each institution its due, on-time, late and missing reports, claims with evidence and verdicts', async () => {
    const rows = await findInstitutionReporting(database.db, database.fixture.planId);
    expect(rows.map((r) => r.institution?.name)).toEqual(['Commission on Administrative Justice', 'Office of the Deputy President']);
    expect(Object.fromEntries(rows.map(({ institution, ...figures }) => [institution!.slug, figures]))).toEqual(EXPECTED_INSTITUTION_REPORTING);
    // CAJ: 4 of 6 due reports on time, 3 of 5 claims with evidence. ODP, its own and the co-led: 8 of 14, 7 of 10 (a
    // restricted item counts).
    expect(rows.map((r) => [share(r.onTime, r.due), share(r.claimsWithEvidence, r.claims)])).toEqual([[4 / 6, 3 / 5], [8 / 14, 7 / 10]]);
  });

  it('counts a report for the institution that gave it when no institution was responsible, and open rounds for nothing', async () => {
    const db = database.db;
    const round = database.fixture.rounds.find((r) => r.label === '2021 Q3')!;
    const milestone = await db.selectFrom('reporting_round_snapshots').select(['milestone_id', 'responsible_institution_id'])
      .where('reporting_round_id', '=', round.id).where('status', 'is', null).orderBy('milestone_id').executeTakeFirstOrThrow();
    const named = db.selectFrom('round_snapshot_institutions').selectAll()
      .where('reporting_round_id', '=', round.id).where('milestone_id', '=', milestone.milestone_id);
    const institutions = await named.execute();
    expect(institutions).toHaveLength(1);
    const unnamed = (set: { responsible_institution_id: string | null }) => db.updateTable('reporting_round_snapshots').set(set)
      .where('reporting_round_id', '=', round.id).where('milestone_id', '=', milestone.milestone_id).execute();
    await unnamed({ responsible_institution_id: null });
    await db.deleteFrom('round_snapshot_institutions').where('reporting_round_id', '=', round.id)
      .where('milestone_id', '=', milestone.milestone_id).execute();
    try {
      const rows = await findInstitutionReporting(db, database.fixture.planId);
      expect(rows.at(-1)).toMatchObject({ institution: null, due: 1, missing: 1, onTime: 0, claims: 0 });
      expect(rows.map((r) => r.due)).toEqual([6, 13, 1]);
    } finally {
      await unnamed({ responsible_institution_id: milestone.responsible_institution_id });
      await db.insertInto('round_snapshot_institutions').values(institutions).execute();
    }
  });

  it('has nothing for a plan without closed rounds', async () => {
    const plan = await database.db.insertInto('action_plans').values({
      member_id: (await database.db.selectFrom('members').select('id').executeTakeFirstOrThrow()).id,
      number: 9, submission_year: 2030, start_year: 2030, end_year: 2032, updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    expect(await findInstitutionReporting(database.db, plan.id)).toEqual([]);
    expect(await findClosedRounds(database.db, plan.id)).toEqual([]);
  });
});

describe('share', () => {
  it('is null when there is nothing to share', () => {
    expect(share(0, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
  });
});

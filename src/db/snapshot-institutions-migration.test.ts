import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { listMigrations, migrate } from './migrate.ts';

const t = useTestDatabase();

const MIGRATION = listMigrations().find((m) => m.name === 'snapshot_responsible_institutions')!;

/**
 * Migration 015 on a database as it stood before it: the test database (fully migrated) is taken back by dropping
 * the table and forgetting the migration, then given a closed round whose snapshot names one institution per
 * milestone, as 008's close command wrote it, and migrated again.
 */
describe('migration 015: every responsible institution of a snapshot', () => {
  it('fills the list of existing snapshots from the recorded first lead and today\'s other leads, and leaves closed rounds frozen', async () => {
    const db = t.db;
    await sql`drop table round_snapshot_institutions`.execute(db);
    await db.deleteFrom('schema_migrations').where('version', '=', MIGRATION.version).execute();

    const member = await db.insertInto('members').values({ slug: 'coledland', name: 'Coledland', kind: 'national', ogp_prefix: 'CL' }).returning('id').executeTakeFirstOrThrow();
    const plan = await db.insertInto('action_plans').values({ member_id: member.id, number: 1, submission_year: 2020, start_year: 2020, end_year: 2022 })
      .returning('id').executeTakeFirstOrThrow();
    const institution = async (slug: string) => (await db.insertInto('institutions').values({ member_id: member.id, slug, name: slug, kind: 'ministry' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const [first, second, supporter] = [await institution('first-lead'), await institution('second-lead'), await institution('supporter')];
    const commitment = async (ogpId: string, institutions: { id: string; role: 'lead' | 'supporting'; position: number }[]) => {
      const row = await db.insertInto('commitments').values({ ogp_id: ogpId, action_plan_id: plan.id, source_locale: 'en' }).returning('id').executeTakeFirstOrThrow();
      for (const i of institutions) {
        await db.insertInto('commitment_institutions').values({ commitment_id: row.id, institution_id: i.id, role: i.role,
          actor_group: i.role === 'lead' ? null : 'government', position: i.position }).execute();
      }
      return (await db.insertInto('milestones').values({ commitment_id: row.id, number: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    };
    const coLed = await commitment('CL0001', [{ id: first, role: 'lead', position: 0 }, { id: second, role: 'lead', position: 1 }, { id: supporter, role: 'supporting', position: 2 }]);
    // Its leads were reordered after the round closed: the snapshot keeps the one it recorded first.
    const reordered = await commitment('CL0002', [{ id: first, role: 'lead', position: 0 }, { id: second, role: 'lead', position: 1 }]);
    const unled = await commitment('CL0003', []);

    const round = await db.insertInto('reporting_rounds').values({ action_plan_id: plan.id, label: '2021 Q3', deadline: new Date('2021-10-15T23:59:59.999Z') })
      .returning('id').executeTakeFirstOrThrow();
    const report = await db.insertInto('milestone_reports').values({ reporting_round_id: round.id, milestone_id: coLed, institution_id: second,
      status: 'in_progress', percent_complete: 50, narrative: 'Under way.', narrative_locale: 'en' }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('reporting_rounds').set({ closed_at: new Date('2021-10-20T00:00:00Z') }).where('id', '=', round.id).execute();
    await db.insertInto('reporting_round_snapshots').values([
      { reporting_round_id: round.id, milestone_id: coLed, responsible_institution_id: first, milestone_report_id: report.id, status: 'in_progress', percent_complete: 50 },
      { reporting_round_id: round.id, milestone_id: reordered, responsible_institution_id: second },
      { reporting_round_id: round.id, milestone_id: unled, responsible_institution_id: null },
    ]).execute();
    const reportsBefore = await db.selectFrom('milestone_reports').selectAll().execute();
    const version = async () => (await sql<{ version: string }>`select version from public_data_version`.execute(db)).rows[0]!.version;
    const versionBefore = await version();

    expect((await migrate(db)).map((m) => m.version)).toEqual([MIGRATION.version]);

    const named = await db.selectFrom('round_snapshot_institutions').select(['milestone_id', 'institution_id', 'position'])
      .where('reporting_round_id', '=', round.id).orderBy('milestone_id').orderBy('position').execute();
    expect(named).toEqual([
      { milestone_id: coLed, institution_id: first, position: 0 }, { milestone_id: coLed, institution_id: second, position: 1 },
      { milestone_id: reordered, institution_id: second, position: 0 }, { milestone_id: reordered, institution_id: first, position: 1 },
    ]);
    // The snapshot rows and the closed round's report are as they were, and the round is still frozen.
    expect((await db.selectFrom('reporting_round_snapshots').select('responsible_institution_id').where('milestone_id', '=', reordered)
      .executeTakeFirstOrThrow()).responsible_institution_id).toBe(second);
    expect(await db.selectFrom('milestone_reports').selectAll().execute()).toEqual(reportsBefore);
    await expect(db.updateTable('milestone_reports').set({ percent_complete: 60 }).where('id', '=', report.id).execute()).rejects.toThrow(/is closed/);
    // A public table: the portal's caches see the new rows.
    expect(Number(await version())).toBeGreaterThan(Number(versionBefore));
  });

  it('refuses an institution twice, or a position twice, for one snapshot row, and goes with its snapshot row', async () => {
    const db = t.db;
    const row = await db.selectFrom('round_snapshot_institutions').select(['reporting_round_id', 'milestone_id', 'institution_id'])
      .where('position', '=', 0).orderBy('milestone_id').executeTakeFirstOrThrow();
    await expect(db.insertInto('round_snapshot_institutions').values({ ...row, position: 5 }).execute()).rejects.toThrow(/duplicate key/);
    const other = (await db.selectFrom('institutions').select('id').where('slug', '=', 'supporter').executeTakeFirstOrThrow()).id;
    await expect(db.insertInto('round_snapshot_institutions').values({ ...row, institution_id: other, position: 0 }).execute()).rejects.toThrow(/duplicate key/);
    await expect(db.insertInto('round_snapshot_institutions').values({ ...row, institution_id: other, position: -1 }).execute()).rejects.toThrow(/check constraint/);
    await db.deleteFrom('reporting_round_snapshots').where('reporting_round_id', '=', row.reporting_round_id).where('milestone_id', '=', row.milestone_id).execute();
    expect(await db.selectFrom('round_snapshot_institutions').select('position')
      .where('reporting_round_id', '=', row.reporting_round_id).where('milestone_id', '=', row.milestone_id).execute()).toEqual([]);
  });
});

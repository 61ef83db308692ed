import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';

/** A milestone as the API lists it: with its commitment's OGP id, its member's slug and its texts by language. */
export type MilestoneRow = {
  commitment: string; member: string; number: number; declaredStatus: string | null;
  startDate: string | null; startPrecision: string | null; startRaw: string | null;
  endDate: string | null; endPrecision: string | null; endRaw: string | null;
  texts: Record<string, string>;
};

export type MilestoneQuery = {
  commitment: string[]; member: string[]; status: string[]; endFrom?: string | undefined; endTo?: string | undefined;
  /** One milestone of the commitment(s), by its number. */
  number?: number;
};

/** The day after the end period ("March 2021" ends before 2021-04-01). */
const END_PERIOD_LIMIT = sql`(ms.end_date + case ms.end_precision when 'day' then interval '1 day' when 'month' then interval '1 month'
  when 'quarter' then interval '3 months' else interval '1 year' end)`;

function milestoneRows(db: Db, filters: MilestoneQuery) {
  let query = db.selectFrom('milestones as ms')
    .innerJoin('commitments as c', 'c.id', 'ms.commitment_id')
    .innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoin('members as m', 'm.id', 'p.member_id');
  if (filters.commitment.length > 0) query = query.where('c.ogp_id', 'in', filters.commitment);
  if (filters.member.length > 0) query = query.where('m.slug', 'in', filters.member);
  if (filters.status.length > 0) query = query.where('ms.declared_status', 'in', filters.status);
  if (filters.endFrom !== undefined) query = query.where(sql<SqlBool>`${END_PERIOD_LIMIT} > ${filters.endFrom}::date`);
  if (filters.endTo !== undefined) query = query.where(sql<SqlBool>`ms.end_date <= ${filters.endTo}::date`);
  if (filters.number !== undefined) query = query.where('ms.number', '=', filters.number);
  return query;
}

/** Milestones by commitment OGP id, then number: the order the API's cursor follows. */
export function findMilestonePage(
  db: Db, filters: MilestoneQuery, after: readonly [string, number] | undefined, limit: number,
): Promise<MilestoneRow[]> {
  let query = milestoneRows(db, filters);
  if (after) query = query.where(sql<SqlBool>`(c.ogp_id, ms.number) > (${after[0]}, ${after[1]})`);
  return query.select([
    'c.ogp_id as commitment', 'm.slug as member', 'ms.number', 'ms.declared_status as declaredStatus',
    'ms.start_date as startDate', 'ms.start_precision as startPrecision', 'ms.start_raw as startRaw',
    'ms.end_date as endDate', 'ms.end_precision as endPrecision', 'ms.end_raw as endRaw',
    sql<Record<string, string>>`coalesce((select jsonb_object_agg(t.locale, t.text) from milestone_texts t
      where t.milestone_id = ms.id), '{}'::jsonb)`.as('texts'),
  ]).orderBy('c.ogp_id').orderBy('ms.number').limit(limit).execute();
}

export async function countMilestones(db: Db, filters: MilestoneQuery): Promise<number> {
  return (await milestoneRows(db, filters).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}

export async function findMilestoneRow(db: Db, ogpId: string, number: number): Promise<MilestoneRow | undefined> {
  const [row] = await findMilestonePage(db, { commitment: [ogpId], member: [], status: [], number }, undefined, 1);
  return row;
}

export async function commitmentExists(db: Db, ogpId: string): Promise<boolean> {
  return (await db.selectFrom('commitments').select('id').where('ogp_id', '=', ogpId).executeTakeFirst()) !== undefined;
}

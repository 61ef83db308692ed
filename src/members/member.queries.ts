import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** A member's own fields: what its page shows about it. */
export type MemberHead = { slug: string; name: string; kind: string; isoAlpha2: string | null; ogpPrefix: string; code: string | null };
export type MemberSummary = MemberHead & { actionPlanCount: number; commitmentCount: number };

const HEAD_COLUMNS = ['m.slug', 'm.name', 'm.kind', 'm.iso_alpha2 as isoAlpha2', 'm.ogp_prefix as ogpPrefix', 'm.code'] as const;

function memberSummaries(db: Db) {
  return db.selectFrom('members as m')
    .leftJoin('action_plans as p', 'p.member_id', 'm.id')
    .leftJoin('commitments as c', 'c.action_plan_id', 'p.id')
    .select([
      ...HEAD_COLUMNS,
      sql<number>`count(distinct p.id)::int`.as('actionPlanCount'),
      sql<number>`count(c.id)::int`.as('commitmentCount'),
    ])
    .groupBy('m.id');
}

export function listMembers(db: Db): Promise<MemberSummary[]> {
  return memberSummaries(db).orderBy('m.name').execute();
}

export function findMember(db: Db, slug: string): Promise<MemberSummary | undefined> {
  return memberSummaries(db).where('m.slug', '=', slug).executeTakeFirst();
}

/**
 * A member without its counts, by slug: one lookup in the slug's unique index, cheap enough to run on every request
 * of the member page before its kept copy answers (grouping the member's plans and commitments took ~1 ms).
 */
export function findMemberHead(db: Db, slug: string): Promise<MemberHead | undefined> {
  return db.selectFrom('members as m').select(HEAD_COLUMNS).where('m.slug', '=', slug).executeTakeFirst();
}

export type ActionPlanSummary = {
  number: number; submissionYear: number; startYear: number; endYear: number; commitmentCount: number;
};

export function listActionPlans(db: Db, memberSlug: string): Promise<ActionPlanSummary[]> {
  return db.selectFrom('action_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .leftJoin('commitments as c', 'c.action_plan_id', 'p.id')
    .select([
      'p.number', 'p.submission_year as submissionYear', 'p.start_year as startYear', 'p.end_year as endYear',
      sql<number>`count(c.id)::int`.as('commitmentCount'),
    ])
    .where('m.slug', '=', memberSlug)
    .groupBy('p.id')
    .orderBy('p.number', 'desc')
    .execute();
}

export type MemberListOptions = { kinds: string[]; afterSlug?: string | undefined; limit: number };

/** Members by slug: the order the API's cursor follows. */
export function findMemberPage(db: Db, { kinds, afterSlug, limit }: MemberListOptions): Promise<MemberSummary[]> {
  let query = memberSummaries(db);
  if (kinds.length > 0) query = query.where('m.kind', 'in', kinds);
  if (afterSlug !== undefined) query = query.where('m.slug', '>', afterSlug);
  return query.orderBy('m.slug').limit(limit).execute();
}

export async function countMembers(db: Db, kinds: string[]): Promise<number> {
  let query = db.selectFrom('members as m').select(sql<number>`count(*)::int`.as('n'));
  if (kinds.length > 0) query = query.where('m.kind', 'in', kinds);
  return (await query.executeTakeFirstOrThrow()).n;
}

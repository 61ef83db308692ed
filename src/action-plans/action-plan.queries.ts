import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

export type ActionPlanCommitment = {
  ogpId: string; numberInPlan: number | null; sourceLocale: string;
  /** Title in the wanted language when it exists, else in the source language, with the language it is in. */
  title: string; titleLocale: string;
  leadInstitutions: string[]; milestoneCount: number;
};

export async function findActionPlan(db: Db, memberSlug: string, number: number) {
  return db.selectFrom('action_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.id', 'p.number', 'p.submission_year as submissionYear', 'p.start_year as startYear', 'p.end_year as endYear',
      'm.slug as memberSlug', 'm.name as memberName', 'm.kind as memberKind', 'm.iso_alpha2 as isoAlpha2', 'm.code'])
    .where('m.slug', '=', memberSlug).where('p.number', '=', number)
    .executeTakeFirst();
}

/** The institutions of a member: a point of contact of one of them may add commitments to its plans. */
export async function memberInstitutionIds(db: Db, memberSlug: string): Promise<string[]> {
  const rows = await db.selectFrom('institutions as i').innerJoin('members as m', 'm.id', 'i.member_id')
    .select('i.id').where('m.slug', '=', memberSlug).execute();
  return rows.map((r) => r.id);
}

/** The plan's commitments in plan order, in one query: titles, lead institutions and milestone counts together. */
export function listPlanCommitments(db: Db, actionPlanId: string, locale: string): Promise<ActionPlanCommitment[]> {
  return db.selectFrom('commitments as c')
    .innerJoinLateral(
      (eb) => eb.selectFrom('commitment_texts as t').select(['t.title', 't.locale'])
        .whereRef('t.commitment_id', '=', 'c.id')
        .orderBy(sql`case when t.locale = ${locale} then 0 when t.locale = c.source_locale then 1 else 2 end`)
        .limit(1).as('t'),
      (join) => join.onTrue())
    .select((eb) => [
      'c.ogp_id as ogpId', 'c.number_in_plan as numberInPlan', 'c.source_locale as sourceLocale',
      't.title', 't.locale as titleLocale',
      eb.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
        .select(sql<string[]>`coalesce(array_agg(i.name order by ci.position), '{}')`.as('names'))
        .whereRef('ci.commitment_id', '=', 'c.id').where('ci.role', '=', 'lead').as('leadInstitutions'),
      eb.selectFrom('milestones as ms').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ms.commitment_id', '=', 'c.id').as('milestoneCount'),
    ])
    .where('c.action_plan_id', '=', actionPlanId)
    .orderBy('c.number_in_plan').orderBy('c.ogp_id')
    .execute() as Promise<ActionPlanCommitment[]>;
}

/** A row of the action-plan list of the API: the plan, its member and its commitment count. */
export type ActionPlanRow = {
  memberSlug: string; memberName: string; memberCode: string | null;
  number: number; submissionYear: number; startYear: number; endYear: number; commitmentCount: number;
};

export type ActionPlanListOptions = { members: string[]; after?: readonly [string, number] | undefined; limit?: number };

function actionPlanRows(db: Db, members: string[]) {
  let query = db.selectFrom('action_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'm.slug as memberSlug', 'm.name as memberName', 'm.code as memberCode', 'p.number',
      'p.submission_year as submissionYear', 'p.start_year as startYear', 'p.end_year as endYear',
      (eb) => eb.selectFrom('commitments as c').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.action_plan_id', '=', 'p.id').as('commitmentCount'),
    ]);
  if (members.length > 0) query = query.where('m.slug', 'in', members);
  return query;
}

/** Action plans by member slug, then number: the order the API's cursor follows. */
export function findActionPlanPage(db: Db, { members, after, limit }: ActionPlanListOptions): Promise<ActionPlanRow[]> {
  let query = actionPlanRows(db, members);
  if (after) query = query.where(sql<boolean>`(m.slug, p.number) > (${after[0]}, ${after[1]})`);
  query = query.orderBy('m.slug').orderBy('p.number');
  return (limit === undefined ? query : query.limit(limit)).execute() as Promise<ActionPlanRow[]>;
}

export async function countActionPlans(db: Db, members: string[]): Promise<number> {
  let query = db.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
    .select(sql<number>`count(*)::int`.as('n'));
  if (members.length > 0) query = query.where('m.slug', 'in', members);
  return (await query.executeTakeFirstOrThrow()).n;
}

export function findActionPlanRow(db: Db, memberSlug: string, number: number): Promise<ActionPlanRow | undefined> {
  return actionPlanRows(db, [memberSlug]).where('p.number', '=', number).executeTakeFirst() as Promise<ActionPlanRow | undefined>;
}

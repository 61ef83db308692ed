import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { publishedInstitution } from './published-institution.ts';

/** An institution as the API lists it, with its member and how many commitments it leads and supports. */
export type InstitutionRow = {
  memberSlug: string; memberName: string; slug: string; name: string; kind: string; leadCount: number; supportingCount: number;
};
export type InstitutionCommitmentRow = { ogpId: string; role: string; actorGroup: string | null };

export type InstitutionQuery = { member: string[]; kind: string[] };

function institutionRows(db: Db, filters: InstitutionQuery) {
  let query = db.selectFrom('institutions as i')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .select([
      'm.slug as memberSlug', 'm.name as memberName', 'i.slug', 'i.name', 'i.kind',
      (eb) => eb.selectFrom('commitment_institutions as ci').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ci.institution_id', '=', 'i.id').where('ci.role', '=', 'lead').as('leadCount'),
      (eb) => eb.selectFrom('commitment_institutions as ci').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ci.institution_id', '=', 'i.id').where('ci.role', '=', 'supporting').as('supportingCount'),
    ]);
  if (filters.member.length > 0) query = query.where('m.slug', 'in', filters.member);
  if (filters.kind.length > 0) query = query.where('i.kind', 'in', filters.kind);
  return query;
}

const listed = publishedInstitution(sql.ref('i.id'));

/** Published institutions (publishedInstitution), by member slug, then slug: the order the API's cursor follows. */
export function findInstitutionPage(
  db: Db, filters: InstitutionQuery, after: readonly [string, string] | undefined, limit: number,
): Promise<InstitutionRow[]> {
  let query = institutionRows(db, filters).where(listed);
  if (after) query = query.where(sql<SqlBool>`(m.slug, i.slug) > (${after[0]}, ${after[1]})`);
  return query.orderBy('m.slug').orderBy('i.slug').limit(limit).execute() as Promise<InstitutionRow[]>;
}

export async function countInstitutions(db: Db, filters: InstitutionQuery): Promise<number> {
  let query = db.selectFrom('institutions as i').innerJoin('members as m', 'm.id', 'i.member_id')
    .select(sql<number>`count(*)::int`.as('n')).where(listed);
  if (filters.member.length > 0) query = query.where('m.slug', 'in', filters.member);
  if (filters.kind.length > 0) query = query.where('i.kind', 'in', filters.kind);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function findInstitutionWithCommitments(
  db: Db, memberSlug: string, slug: string,
): Promise<{ institution: InstitutionRow; commitments: InstitutionCommitmentRow[] } | undefined> {
  const institution = await institutionRows(db, { member: [memberSlug], kind: [] }).where('i.slug', '=', slug)
    .executeTakeFirst() as InstitutionRow | undefined;
  if (!institution) return undefined;
  const commitments = await db.selectFrom('commitment_institutions as ci')
    .innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .innerJoin('commitments as c', 'c.id', 'ci.commitment_id')
    .select(['c.ogp_id as ogpId', 'ci.role', 'ci.actor_group as actorGroup'])
    .where('m.slug', '=', memberSlug).where('i.slug', '=', slug)
    .orderBy('c.ogp_id').orderBy('ci.role')
    .execute();
  return { institution, commitments };
}

import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

// NOTE (API engineer): this file was overwritten by mistake while the API's institution queries were being added
// (those now live in institution-list.queries.ts). It was rebuilt from what institution.page.tsx and
// institution.routes.ts use; the institution-page engineer should check it against their version.

export type InstitutionHead = {
  id: string; slug: string; name: string; kind: string; abbreviation: string | null;
  member: { id: string; slug: string; name: string; kind: string; isoAlpha2: string | null };
  /** The slug of the institution this one was merged into (a former name, or one merged away): its page redirects there. */
  mergedIntoSlug: string | null;
};

export type InstitutionCommitment = {
  ogpId: string; role: 'lead' | 'supporting';
  /** Title in the wanted language when it exists, else in the source language, with the language it is in. */
  title: string; titleLocale: string;
  actionPlan: { number: number; startYear: number; endYear: number };
};

/**
 * An institution of a member, by the member's slug and its own. The page runs it on every request, before its kept
 * copy answers: joined on `coalesce(i.member_id, 0)` it is a lookup in the unique index of that expression and the
 * slug, where `i.member_id = m.id` scanned every institution for the slug (members' ids are never 0).
 */
export async function findInstitution(db: Db, memberSlug: string, slug: string): Promise<InstitutionHead | undefined> {
  const row = await db.selectFrom('institutions as i')
    .innerJoin('members as m', (join) => join.on((eb) => eb(sql`coalesce(i.member_id, 0)`, '=', eb.ref('m.id'))))
    .leftJoin('institutions as merged', 'merged.id', 'i.merged_into_id')
    .select(['i.id', 'i.slug', 'i.name', 'i.kind', 'i.abbreviation', 'm.id as memberId', 'm.slug as memberSlug', 'm.name as memberName',
      'm.kind as memberKind', 'm.iso_alpha2 as isoAlpha2', 'merged.slug as mergedIntoSlug'])
    .where('m.slug', '=', memberSlug).where('i.slug', '=', slug)
    .executeTakeFirst();
  return row && {
    id: row.id, slug: row.slug, name: row.name, kind: row.kind, abbreviation: row.abbreviation,
    member: { id: row.memberId, slug: row.memberSlug, name: row.memberName, kind: row.memberKind, isoAlpha2: row.isoAlpha2 },
    mergedIntoSlug: row.mergedIntoSlug,
  };
}

/** The names the institution was known by: its former names and the institutions merged into it, by name. */
export async function listFormerNames(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db.selectFrom('institutions').select('name').where('merged_into_id', '=', institutionId).orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** The commitments an institution leads or supports, newest plans first, titles in the wanted language. */
export async function listInstitutionCommitments(db: Db, institutionId: string, locale: string): Promise<InstitutionCommitment[]> {
  const rows = await db.selectFrom('commitment_institutions as ci')
    .innerJoin('commitments as c', 'c.id', 'ci.commitment_id')
    .innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoinLateral(
      (eb) => eb.selectFrom('commitment_texts as t').select(['t.title', 't.locale'])
        .whereRef('t.commitment_id', '=', 'c.id')
        .orderBy(sql`case when t.locale = ${locale} then 0 when t.locale = c.source_locale then 1 else 2 end`)
        .limit(1).as('t'),
      (join) => join.onTrue())
    .select(['c.ogp_id as ogpId', 'ci.role', 't.title', 't.locale as titleLocale', 'p.number', 'p.start_year as startYear',
      'p.end_year as endYear'])
    .where('ci.institution_id', '=', institutionId)
    .orderBy('p.start_year', 'desc').orderBy('c.number_in_plan').orderBy('c.ogp_id')
    .execute();
  return rows.map((r) => ({
    ogpId: r.ogpId, role: r.role, title: r.title, titleLocale: r.titleLocale,
    actionPlan: { number: r.number, startYear: r.startYear, endYear: r.endYear },
  }));
}

const FORMER_COMMITMENTS_SHOWN = 50;

/**
 * The commitments whose history names the institution (by its name, in any case) among the lead or supporting
 * institutions a change took away: where the page of an institution left with no commitment sends its reader (an
 * import renamed it, or named others). Read only for such a page. Newest plans' commitments first, a bounded list.
 */
export async function listFormerCommitments(db: Db, institution: InstitutionHead): Promise<string[]> {
  const named = (field: string) => sql`exists (select 1 from jsonb_array_elements_text(
    case when jsonb_typeof(ch.before->${field}) = 'array' then ch.before->${field} else '[]'::jsonb end) n
    where lower(n) = lower(${institution.name}))`;
  const rows = await sql<{ ogp_id: string }>`
    select c.ogp_id from commitments c
    join action_plans p on p.id = c.action_plan_id
    join members m on m.id = p.member_id
    where m.slug = ${institution.member.slug} and exists (select 1 from changes ch
      where ch.commitment_id = c.id and ch.entity_type = 'commitment'
        and (${named('leadInstitution')} or ${named('supportingInstitutions')}))
    order by p.start_year desc, c.ogp_id
    limit ${FORMER_COMMITMENTS_SHOWN}`.execute(db);
  return rows.rows.map((r) => r.ogp_id);
}

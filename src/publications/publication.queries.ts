import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { INSTITUTION_ID, type PublicationKind } from './commands/publication-form.ts';
import type { PublicationState } from './commands/publication-record.ts';

export type PublicationText = { locale: string; title: string; body: string };
export type PublicationSummary = {
  slug: string; kind: PublicationKind; state: PublicationState; publishedOn: string | null; texts: { locale: string; title: string }[];
};
export type PublicationDetail = Omit<PublicationSummary, 'texts'> & {
  id: string; withdrawnReason: string | null; texts: PublicationText[]; updatedAt: Date;
  author: { id: string; name: string; slug: string; memberSlug: string | null } | null;
  commitments: { ogpId: string; sourceLocale: string; titles: { locale: string; title: string }[] }[];
  institutions: { id: string; name: string; slug: string; memberSlug: string | null }[];
};

type Eb = ExpressionBuilder<Database & { p: Database['publications'] }, 'p'>;
const titles = (eb: Eb) => jsonArrayFrom(eb.selectFrom('publication_texts as t').select(['t.locale', 't.title'])
  .whereRef('t.publication_id', '=', 'p.id').orderBy('t.locale')).as('texts');
const SUMMARY = ['p.slug', 'p.kind', 'p.state', 'p.published_on as publishedOn'] as const;

const publishedOfKind = (db: Db, kind: PublicationKind | undefined) => {
  const query = db.selectFrom('publications as p').where('p.state', '=', 'published');
  return kind ? query.where('p.kind', '=', kind) : query;
};
const countOf = (query: ReturnType<typeof publishedOfKind>) =>
  query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow().then((row) => Number(row.n));

/** Published publications, newest first (then the latest created), optionally of one kind: one page and the total. */
export async function findPublishedPage(db: Db, filter: { kind?: PublicationKind | undefined; offset: number; limit: number }): Promise<{
  rows: PublicationSummary[]; total: number;
}> {
  const query = publishedOfKind(db, filter.kind);
  const [rows, total] = await Promise.all([
    query.select((eb) => [...SUMMARY, titles(eb)]).orderBy('p.published_on', 'desc').orderBy('p.id', 'desc')
      .offset(filter.offset).limit(filter.limit).execute(),
    countOf(query),
  ]);
  return { rows, total };
}

/** The API's page of published publications after a cursor's key (day published, id), newest first, and the total. */
export async function findPublishedAfter(db: Db, kind: PublicationKind | undefined, after: readonly [string, string] | undefined, limit: number): Promise<{
  rows: (PublicationSummary & { id: string })[]; total: number;
}> {
  const query = publishedOfKind(db, kind);
  let page = query.select((eb) => [...SUMMARY, 'p.id', titles(eb)]);
  if (after) page = page.where((eb) => eb(eb.refTuple('p.published_on', 'p.id'), '<', eb.tuple(after[0], after[1])));
  const [rows, total] = await Promise.all([page.orderBy('p.published_on', 'desc').orderBy('p.id', 'desc').limit(limit).execute(), countOf(query)]);
  return { rows, total };
}

/** Every publication, drafts and withdrawn ones too, latest changed first: the secretariat's list. */
export function findAllPublications(db: Db): Promise<PublicationSummary[]> {
  return db.selectFrom('publications as p').select((eb) => [...SUMMARY, titles(eb)]).orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').execute();
}

/** The published guidance notes (not stories), newest first: what a new point of contact reads first. */
export function findGuidanceNotes(db: Db, limit: number): Promise<PublicationSummary[]> {
  return db.selectFrom('publications as p').select((eb) => [...SUMMARY, titles(eb)])
    .where('p.state', '=', 'published').where('p.kind', '=', 'guidance_note')
    .orderBy('p.published_on', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
}

/** The published publications linked to a commitment, newest first ("Guidance and stories" on its page). */
export function findPublicationsOfCommitment(db: Db, commitmentId: string): Promise<PublicationSummary[]> {
  return db.selectFrom('publications as p').innerJoin('publication_commitments as pc', 'pc.publication_id', 'p.id')
    .select((eb) => [...SUMMARY, titles(eb)])
    .where('pc.commitment_id', '=', commitmentId).where('p.state', '=', 'published')
    .orderBy('p.published_on', 'desc').orderBy('p.id', 'desc').execute();
}

/** One publication in any state, with its texts, author and links (commitments with their titles in every language). */
export async function findPublicationDetail(db: Db, slug: string): Promise<PublicationDetail | undefined> {
  const row = await db.selectFrom('publications as p')
    .select((eb) => [...SUMMARY, 'p.id', 'p.withdrawn_reason as withdrawnReason', 'p.updated_at as updatedAt',
      jsonArrayFrom(eb.selectFrom('publication_texts as t').select(['t.locale', 't.title', 't.body'])
        .whereRef('t.publication_id', '=', 'p.id').orderBy('t.locale')).as('texts'),
      jsonObjectFrom(eb.selectFrom('institutions as a').leftJoin('members as am', 'am.id', 'a.member_id')
        .select(['a.id', 'a.name', 'a.slug', 'am.slug as memberSlug']).whereRef('a.id', '=', 'p.author_institution_id')).as('author'),
      jsonArrayFrom(eb.selectFrom('publication_commitments as pc').innerJoin('commitments as c', 'c.id', 'pc.commitment_id')
        .select((inner) => ['c.ogp_id as ogpId', 'c.source_locale as sourceLocale',
          jsonArrayFrom(inner.selectFrom('commitment_texts as ct').select(['ct.locale', 'ct.title']).whereRef('ct.commitment_id', '=', 'c.id')).as('titles')])
        .whereRef('pc.publication_id', '=', 'p.id').orderBy('c.ogp_id')).as('commitments'),
      jsonArrayFrom(eb.selectFrom('publication_institutions as pi').innerJoin('institutions as i', 'i.id', 'pi.institution_id')
        .leftJoin('members as m', 'm.id', 'i.member_id')
        .select(['i.id', 'i.name', 'i.slug', 'm.slug as memberSlug']).whereRef('pi.publication_id', '=', 'p.id').orderBy('i.name')).as('institutions'),
    ])
    .where('p.slug', '=', slug).executeTakeFirst();
  return row;
}

/** The history entries of a publication, newest first, with who made them. */
export function findPublicationChanges(db: Db, publicationId: string) {
  return db.selectFrom('changes as c').leftJoin('accounts as a', 'a.id', 'c.actor_id')
    .select(['c.id', 'c.occurred_at as occurredAt', 'c.command', 'c.reason', 'c.after', 'a.name as actorName'])
    .where('c.entity_type', '=', 'publication').where('c.entity_id', '=', publicationId)
    .orderBy('c.occurred_at', 'desc').orderBy('c.id', 'desc').execute();
}

/**
 * The institutions the form offers to link or name as author, grouped by member: those that lead or support a
 * commitment (not a former name or one merged away, whose links all moved), and those the form already holds.
 */
export async function findInstitutionChoices(db: Db, current: string[]): Promise<{ member: string; institutions: { id: string; name: string }[] }[]> {
  const ids = current.filter((id) => INSTITUTION_ID.test(id));
  const rows = await db.selectFrom('institutions as i').leftJoin('members as m', 'm.id', 'i.member_id')
    .select(['i.id', 'i.name', 'm.name as member'])
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('commitment_institutions as ci').select('ci.institution_id').whereRef('ci.institution_id', '=', 'i.id')),
      ...(ids.length > 0 ? [eb('i.id', 'in', ids)] : []),
    ]))
    .orderBy('m.name').orderBy('i.name').execute();
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const row of rows) {
    const member = row.member ?? '';
    groups.set(member, [...(groups.get(member) ?? []), { id: row.id, name: row.name }]);
  }
  return [...groups].map(([member, institutions]) => ({ member, institutions }));
}

import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../commitments/commands/change-log.ts';
import { notFound } from '../../http/errors.ts';
import type { PublicationKind, PublicationTexts } from './publication-form.ts';

export type PublicationState = 'draft' | 'published' | 'withdrawn';
export type PublicationTarget = {
  id: string; slug: string; kind: PublicationKind; state: PublicationState; publishedOn: string | null;
  withdrawnReason: string | null; authorInstitutionId: string | null;
};

/** A publication by slug; `forUpdate` locks it for a command. */
export async function findPublicationTarget(db: Db | Trx, slug: string, forUpdate = false): Promise<PublicationTarget | undefined> {
  let query = db.selectFrom('publications')
    .select(['id', 'slug', 'kind', 'state', 'published_on as publishedOn', 'withdrawn_reason as withdrawnReason', 'author_institution_id as authorInstitutionId'])
    .where('slug', '=', slug);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function requirePublicationTarget(db: Db | Trx, slug: string, forUpdate = false): Promise<PublicationTarget> {
  const target = await findPublicationTarget(db, slug, forUpdate);
  if (!target) throw notFound('publication');
  return target;
}

/**
 * A publication's content as history stores it: commitments by OGP id and institutions by name (as they were then,
 * readable without a lookup, as decision 012 stores a commitment's institutions); the author null for the secretariat.
 */
export type PublicationVersion = {
  kind: PublicationKind; texts: PublicationTexts; commitments: string[]; institutions: string[]; author: string | null;
};
export type PublicationLinks = { commitments: { id: string; ogpId: string }[]; institutions: { id: string; name: string }[]; author: { id: string; name: string } | null };

export async function readPublicationVersion(trx: Trx, target: PublicationTarget): Promise<PublicationVersion> {
  const [texts, commitments, institutions, author] = await Promise.all([
    trx.selectFrom('publication_texts').select(['locale', 'title', 'body']).where('publication_id', '=', target.id).orderBy('locale').execute(),
    trx.selectFrom('publication_commitments as pc').innerJoin('commitments as c', 'c.id', 'pc.commitment_id').select('c.ogp_id')
      .where('pc.publication_id', '=', target.id).orderBy('c.ogp_id').execute(),
    trx.selectFrom('publication_institutions as pi').innerJoin('institutions as i', 'i.id', 'pi.institution_id').select('i.name')
      .where('pi.publication_id', '=', target.id).orderBy('i.name').execute(),
    target.authorInstitutionId
      ? trx.selectFrom('institutions').select('name').where('id', '=', target.authorInstitutionId).executeTakeFirst() : undefined,
  ]);
  return {
    kind: target.kind,
    texts: Object.fromEntries(texts.map((t) => [t.locale, { title: t.title, body: t.body }])),
    commitments: commitments.map((c) => c.ogp_id),
    institutions: institutions.map((i) => i.name),
    author: author?.name ?? null,
  };
}

/** Texts are kept by language in alphabetical order, as read back: two versions compare as JSON. */
export function versionOf(kind: PublicationKind, texts: PublicationTexts, links: PublicationLinks): PublicationVersion {
  return {
    kind, texts: Object.fromEntries(Object.entries(texts).sort(([a], [b]) => a.localeCompare(b))), commitments: links.commitments.map((c) => c.ogpId).sort(), institutions: links.institutions.map((i) => i.name).sort(),
    author: links.author?.name ?? null,
  };
}

/** Writes the texts and links the form gave: languages and links no longer given are removed (history keeps them). */
export async function writePublicationContent(trx: Trx, publicationId: string, texts: PublicationTexts, links: PublicationLinks): Promise<void> {
  const locales = Object.keys(texts);
  let removed = trx.deleteFrom('publication_texts').where('publication_id', '=', publicationId);
  if (locales.length > 0) removed = removed.where('locale', 'not in', locales);
  await removed.execute();
  for (const [locale, text] of Object.entries(texts)) {
    await trx.insertInto('publication_texts').values({ publication_id: publicationId, locale, title: text.title, body: text.body })
      .onConflict((oc) => oc.columns(['publication_id', 'locale']).doUpdateSet({ title: text.title, body: text.body })).execute();
  }
  await trx.deleteFrom('publication_commitments').where('publication_id', '=', publicationId).execute();
  if (links.commitments.length > 0) {
    await trx.insertInto('publication_commitments').values(links.commitments.map((c) => ({ publication_id: publicationId, commitment_id: c.id }))).execute();
  }
  await trx.deleteFrom('publication_institutions').where('publication_id', '=', publicationId).execute();
  if (links.institutions.length > 0) {
    await trx.insertInto('publication_institutions').values(links.institutions.map((i) => ({ publication_id: publicationId, institution_id: i.id }))).execute();
  }
}

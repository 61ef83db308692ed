import type { Db } from '../db/connect.ts';
import { notFound } from '../http/errors.ts';
import { findInstitution, type InstitutionHead } from './institution.queries.ts';
import { institutionSubpath, type InstitutionSubpage } from './institution-url.ts';

export type InstitutionParams = { locale: string; slug: string; institution: string };

/**
 * The institution a page under `/{locale}/members/{slug}/institutions/{institution}/…` is about, or, for a former
 * name or an institution merged away, the same page of the institution it leads to (`redirect`). 404 when the member
 * has no institution of that address.
 */
export async function institutionOrRedirect(db: Db, params: InstitutionParams, page: InstitutionSubpage):
  Promise<{ institution: InstitutionHead } | { redirect: string }> {
  const institution = await findInstitution(db, params.slug, params.institution);
  if (!institution) throw notFound('institution');
  if (institution.mergedIntoSlug) return { redirect: institutionSubpath(params.locale, institution.member.slug, institution.mergedIntoSlug, page) };
  return { institution };
}

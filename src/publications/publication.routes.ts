import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { notFound } from '../http/errors.ts';
import { currentUser } from '../accounts/current-user.ts';
import { parseQuery } from '../http/query.ts';
import { blankAsUndefined } from '../http/api/api-schemas.ts';
import { PUBLICATION_KINDS } from './commands/publication-form.ts';
import { findPublicationDetail, findPublishedPage } from './publication.queries.ts';
import { guidanceListQuery, PUBLICATIONS_PER_PAGE, publicationListPage } from './publication-list.page.tsx';
import { publicationPage, withdrawnPublicationPage } from './publication.page.tsx';
import { publicationPolicy } from './publication.policy.ts';
import { PUBLICATION_SLUG, publicationEditUrl, publicationsAdminUrl } from './publication-urls.ts';

const ListQuery = z.object({
  kind: z.preprocess(blankAsUndefined, z.enum(PUBLICATION_KINDS).optional()),
  page: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

/**
 * The public pages of guidance notes and stories (`/{locale}/guidance`, `/{locale}/guidance/{slug}`), kept per
 * public data version like other lists (decision 019). A draft is not public: 404 (the secretariat sees it, marked).
 * A withdrawn one answers 410 Gone with the reason it was withdrawn: a point of contact who kept its link learns
 * that it no longer holds, and why, rather than thinking it was mistyped.
 */
export function registerPublicationRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/guidance', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const query = parseQuery(ListQuery, request.query);
    const written = guidanceListQuery(query.kind, query.page);
    const ctx = await publicPageContext(request, reply, { db, web }, written);
    const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
    const newHref = publicationPolicy.manage_publications(user) ? publicationsAdminUrl(intl.locale) : undefined;
    return sendDataVersionedPage(request, reply, ctx, pageCache, `guidance ${intl.locale} ${written}`, async () => {
      const { rows, total } = await findPublishedPage(db, { kind: query.kind, offset: (query.page - 1) * PUBLICATIONS_PER_PAGE, limit: PUBLICATIONS_PER_PAGE });
      return publicationListPage(ctx, { kind: query.kind, page: query.page, total, rows, newHref });
    });
  });

  app.get<{ Params: { locale: string; slug: string } }>('/:locale/guidance/:slug', async (request, reply) => {
    const intl = intlFromParams(request.params);
    if (!PUBLICATION_SLUG.test(request.params.slug)) throw notFound('publication');
    const ctx = await publicPageContext(request, reply, { db, web });
    const dataVersion = await readDataVersion(ctx, pageCache); // before the publication, which the page shows
    const publication = await findPublicationDetail(db, request.params.slug);
    const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
    const secretariat = publicationPolicy.manage_publications(user);
    if (!publication || (publication.state === 'draft' && !secretariat)) throw notFound('publication');
    const editHref = secretariat ? publicationEditUrl(intl.locale, publication.slug) : undefined;
    if (publication.state === 'withdrawn') reply.status(410);
    return sendDataVersionedPage(request, reply, ctx, pageCache, `publication ${intl.locale} ${publication.id}`, async () =>
      publication.state === 'withdrawn' ? withdrawnPublicationPage(ctx, publication, editHref) : publicationPage(ctx, publication, editHref), dataVersion);
  });
}

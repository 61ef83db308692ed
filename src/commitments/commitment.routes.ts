import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { OgpIdSchema } from './commitment-record.ts';
import { findCommitmentHead, findCommitmentSections } from './commitment.queries.ts';
import { commitmentPage } from './commitment.page.tsx';
import { currentUser } from '../accounts/current-user.ts';
import { irmReviewPolicy } from '../irm/irm-review.policy.ts';
import { irmAssessmentsUrl } from '../irm/assessable-reports.ts';
import { findPublicationsOfCommitment } from '../publications/publication.queries.ts';

/**
 * `/{locale}/commitments/{id}`: ids are accepted in any case and redirected to the canonical upper-case URL.
 * The head query says which version of the page is current; a browser that has it gets a 304, and what anonymous
 * visitors see is rendered once per version and kept (decision 017).
 */
export function registerCommitmentRoutes(app: FastifyInstance, { db, web, pageFreshnessMs, pageCache }: AppDeps): void {
  // Anonymous pages by version (id, language, what the head query read), in the process's rendered-page cache.
  // The commitment's own version changes less often than the version of all public data, so it keeps more hits.
  const { rendered } = pageCache;
  // For anonymous visitors: the version the database gave for (id, language) less than `pageFreshnessMs` ago.
  const recent = pageFreshnessMs ? new LRUCache<string, string>({ max: 10_000, ttl: pageFreshnessMs }) : undefined;

  app.get<{ Params: { locale: string; id: string } }>('/:locale/commitments/:id', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    if (id.data !== request.params.id) {
      // The query string goes along: a link with parameters (a campaign tag, a search) keeps them.
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/${intl.locale}/commitments/${id.data}${query}`, 301);
    }
    const ctx = await publicPageContext(request, reply, { db, web });
    const page = `${id.data} ${intl.locale}`;
    const known = ctx.user ? undefined : recent?.get(page);
    const html = known === undefined ? undefined : rendered.get(known);
    if (known !== undefined && html !== undefined) return sendPublicPage(request, reply, ctx, { version: known, render: async () => html });

    const head = await findCommitmentHead(db, id.data);
    if (!head) throw notFound('commitment');
    const version = `commitment ${page} ${head.version}`;
    if (!ctx.user) recent?.set(page, version);
    return sendPublicPage(request, reply, ctx, { version, render: async () => {
      const cached = ctx.user ? undefined : rendered.get(version);
      if (cached !== undefined) return cached;
      const [{ detail, plannedEnds }, publications] = await Promise.all([
        findCommitmentSections(db, head, intl.locale), findPublicationsOfCommitment(db, head.id)]);
      const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
      const irmAssessmentsHref = irmReviewPolicy.record_irm_review(user) ? irmAssessmentsUrl(intl.locale, head.ogp_id) : undefined;
      const fresh = commitmentPage(ctx, detail, { plannedEnds, irmAssessmentsHref, publications });
      if (!ctx.user) rendered.set(version, Buffer.from(fresh));
      return fresh;
    } });
  });
}

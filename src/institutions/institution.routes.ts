import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { notFound } from '../http/errors.ts';
import { findInstitution, listFormerCommitments, listInstitutionCommitments } from './institution.queries.ts';
import { institutionPage } from './institution.page.tsx';

/** `/{locale}/members/{slug}/institutions/{institution}`: an institution of a member and its commitments. */
export function registerInstitutionRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; institution: string } }>(
    '/:locale/members/:slug/institutions/:institution',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const ctx = await publicPageContext(request, reply, { db, web });
      const dataVersion = await readDataVersion(ctx, pageCache); // before the institution, which the page shows
      const institution = await findInstitution(db, request.params.slug, request.params.institution);
      if (!institution) throw notFound('institution');
      return sendDataVersionedPage(request, reply, ctx, pageCache, `institution ${intl.locale} ${institution.id}`, async () => {
        const commitments = await listInstitutionCommitments(db, institution.id, intl.locale);
        const former = commitments.length === 0 ? await listFormerCommitments(db, institution) : [];
        return institutionPage(ctx, institution, commitments, former);
      }, dataVersion);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams, pathAfterLocale } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { findInstitution, listInstitutionCommitments } from './institution.queries.ts';
import { institutionPage } from './institution.page.tsx';

/** `/{locale}/members/{slug}/institutions/{institution}`: an institution of a member and its commitments. */
export function registerInstitutionRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; institution: string } }>(
    '/:locale/members/:slug/institutions/:institution',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const institution = await findInstitution(db, request.params.slug, request.params.institution);
      if (!institution) throw notFound('institution');
      const commitments = await listInstitutionCommitments(db, institution.id, intl.locale);
      return reply.type('text/html; charset=utf-8')
        .send(institutionPage({ intl, pathAfterLocale: pathAfterLocale(request.url) }, institution, commitments));
    },
  );
}

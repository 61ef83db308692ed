import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { notFound } from '../http/errors.ts';
import { currentUser } from '../accounts/current-user.ts';
import { findInstitution, listFormerCommitments, listFormerNames, listInstitutionCommitments } from './institution.queries.ts';
import { institutionPage } from './institution.page.tsx';
import { institutionPolicy } from './institution.policy.ts';
import { institutionPath } from './institution-url.ts';

/**
 * `/{locale}/members/{slug}/institutions/{institution}`: an institution of a member and its commitments. The address
 * of a former name, or of an institution merged into another, moves for good (301) to the institution it leads to.
 */
export function registerInstitutionRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; institution: string } }>(
    '/:locale/members/:slug/institutions/:institution',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const ctx = await publicPageContext(request, reply, { db, web });
      const dataVersion = await readDataVersion(ctx, pageCache); // before the institution, which the page shows
      const institution = await findInstitution(db, request.params.slug, request.params.institution);
      if (!institution) throw notFound('institution');
      if (institution.mergedIntoSlug) return reply.redirect(institutionPath(intl.locale, institution.member.slug, institution.mergedIntoSlug), 301);
      const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
      const may = { manage: institutionPolicy.rename_institution(user) };
      return sendDataVersionedPage(request, reply, ctx, pageCache, `institution ${intl.locale} ${institution.id}`, async () => {
        const [commitments, formerNames] = await Promise.all([listInstitutionCommitments(db, institution.id, intl.locale), listFormerNames(db, institution.id)]);
        const former = commitments.length === 0 ? await listFormerCommitments(db, institution) : [];
        return institutionPage(ctx, { institution, commitments, formerCommitments: former, formerNames, may });
      }, dataVersion);
    },
  );
}

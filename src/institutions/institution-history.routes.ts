import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser } from '../accounts/current-user.ts';
import { institutionOrRedirect, type InstitutionParams } from './institution-target.ts';
import { findInstitutionChanges } from './institution-history.queries.ts';
import { institutionHistoryPage } from './institution-history.page.tsx';

const NOTICES: Record<string, string> = {
  renamed: 'institution.notice.renamed', merged: 'institution.notice.merged', unchanged: 'institution.notice.unchanged',
};

/**
 * `/{locale}/members/{slug}/institutions/{institution}/history`: public like a commitment's history tab and sent the
 * same way (a signed-in person's page is private). A former name's address leads to the history it is part of (301).
 */
export function registerInstitutionHistoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<{ Params: InstitutionParams; Querystring: { notice?: string } }>('/:locale/members/:slug/institutions/:institution/history', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const found = await institutionOrRedirect(db, request.params, 'history');
    if ('redirect' in found) return reply.redirect(found.redirect, 301);
    const [user, changes] = await Promise.all([currentUser(deps, request), findInstitutionChanges(db, found.institution.id)]);
    const notice = NOTICES[request.query.notice ?? ''];
    const html = institutionHistoryPage(pageContext(request, reply, web, user), {
      institution: found.institution, changes, notice: notice ? intl.t(notice) : undefined,
    });
    if (user) return sendPrivatePage(reply, html);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

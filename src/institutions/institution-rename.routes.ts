import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { renameInstitution } from './commands/rename-institution.ts';
import { institutionOrRedirect, type InstitutionParams } from './institution-target.ts';
import type { InstitutionHead } from './institution.queries.ts';
import { institutionRenamePage } from './institution-rename.page.tsx';
import { institutionSubpath } from './institution-url.ts';

type Params = { Params: InstitutionParams };

/**
 * `/{locale}/members/{slug}/institutions/{institution}/rename` (the secretariat's): the form, then the command. A
 * refused input comes back with what was typed (400); a rename leads to the institution's history, at its new address.
 */
export function registerInstitutionRenameRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/members/:slug/institutions/:institution/rename', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'rename_institution', 'institution');
    const found = await institutionOrRedirect(db, request.params, 'rename');
    if ('redirect' in found) return reply.redirect(found.redirect, 303);
    const { institution } = found;
    return render(request, reply, user, institution, emptyForm({ name: institution.name, abbreviation: institution.abbreviation ?? '' }), 200);
  });

  app.post<Params>('/:locale/members/:slug/institutions/:institution/rename', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'rename_institution', 'institution');
    const found = await institutionOrRedirect(db, request.params, 'rename');
    if ('redirect' in found) return reply.redirect(found.redirect, 303);
    const { institution } = found;
    const result = await renameInstitution(db, user, institution, request.body);
    if (!result.ok) return render(request, reply, user, institution, result, 400);
    const notice = result.changeIds.length > 0 ? 'renamed' : 'unchanged';
    return reply.redirect(`${institutionSubpath(intlFromParams(request.params).locale, institution.member.slug, result.slug, 'history')}?notice=${notice}`, 303);
  });

  function render(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, institution: InstitutionHead, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, institutionRenamePage(ctx, { institution, form, csrfToken: csrfToken(web, request, reply) }), status);
  }
}

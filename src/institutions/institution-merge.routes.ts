import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, formValues, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { findMergeTarget, mergeInstitutions } from './commands/merge-institutions.ts';
import { institutionOrRedirect, type InstitutionParams } from './institution-target.ts';
import type { InstitutionHead } from './institution.queries.ts';
import { mergeCounts, mergeTargetOptions } from './institution-merge.queries.ts';
import { mergeChoosePage, mergeConfirmPage } from './institution-merge.page.tsx';
import { institutionSubpath } from './institution-url.ts';

type Params = { Params: InstitutionParams; Querystring: { into?: string } };

/**
 * `/{locale}/members/{slug}/institutions/{institution}/merge` (the secretariat's), in two steps that work without
 * JavaScript: GET chooses the institution to merge into (`?into=` its id) and, once chosen, shows what will move,
 * counted, with the button; POST merges. An `into` that cannot be merged into is a 400 on the first step naming the
 * field; a merge leads to the history of the institution merged into.
 */
export function registerInstitutionMergeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/members/:slug/institutions/:institution/merge', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'merge_institutions', 'institution');
    const found = await institutionOrRedirect(db, request.params, 'merge');
    if ('redirect' in found) return reply.redirect(found.redirect, 303);
    const { into } = request.query;
    if (into === undefined) return renderChoice(request, reply, user, found.institution, emptyForm(), 200);
    return renderStep(request, reply, user, found.institution, emptyForm({ into: String(into) }), 200);
  });

  app.post<Params>('/:locale/members/:slug/institutions/:institution/merge', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'merge_institutions', 'institution');
    const found = await institutionOrRedirect(db, request.params, 'merge');
    if ('redirect' in found) return reply.redirect(found.redirect, 303);
    const { institution } = found;
    const result = await mergeInstitutions(db, user, institution.id, request.body);
    if (!result.ok) return renderStep(request, reply, user, institution, result, 400);
    const into = await db.selectFrom('institutions').select('slug').where('id', '=', formValues(request.body).into!.trim()).executeTakeFirstOrThrow();
    return reply.redirect(`${institutionSubpath(intlFromParams(request.params).locale, institution.member.slug, into.slug, 'history')}?notice=merged`, 303);
  });

  /** The confirmation when `into` may be merged into (with the form's other errors), else the choice naming its error. */
  async function renderStep(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, institution: InstitutionHead,
    form: FormState, status: number) {
    const from = { id: institution.id, member_id: institution.member.id, name: institution.name, merged_into_id: null };
    const target = form.errors.into ? undefined : await findMergeTarget(db, from, form.values.into);
    if (!target?.ok) {
      return renderChoice(request, reply, user, institution, { values: form.values, errors: { ...form.errors, ...target?.errors } }, 400);
    }
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, mergeConfirmPage(ctx, {
      institution, into: target.target, counts: await mergeCounts(db, institution.id), form, csrfToken: csrfToken(web, request, reply),
    }), status);
  }

  async function renderChoice(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, institution: InstitutionHead,
    form: FormState, status: number) {
    const options = await mergeTargetOptions(db, institution.member.id, institution.id, form.values.into);
    return sendPrivatePage(reply, mergeChoosePage(pageContext(request, reply, web, user), { institution, options, form }), status);
  }
}

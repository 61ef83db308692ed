import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from './action-plan-title.ts';
import { findActionPlanTarget, findMemberTarget, type ActionPlanTarget, type MemberTarget } from './commands/action-plan-form.ts';
import { createActionPlan } from './commands/create-action-plan.ts';
import { editActionPlan } from './commands/edit-action-plan.ts';
import { actionPlanEditPage, actionPlanEditUrl, actionPlanNewPage } from './action-plan-edit.page.tsx';

type Params = { Params: { locale: string; slug: string; number?: string }; Querystring: { notice?: string } };

/**
 * The secretariat's forms for action plans (decision 012): `/{locale}/members/{slug}/action-plans/new` and
 * `/{locale}/members/{slug}/action-plans/{number}/edit`. Each handler authorizes first, then runs its command; a
 * refused input comes back with what was typed and a 400; a saved one redirects to the plan's edit page.
 */
export function registerActionPlanEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/members/:slug/action-plans/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const member = await memberOf(request);
    authorize(user, 'create_action_plan', 'actionPlan', { memberId: member.id });
    const year = String(new Date().getFullYear());
    return renderNew(request, reply, user, member, emptyForm({ submissionYear: year, startYear: year }), 200);
  });

  app.post<Params>('/:locale/members/:slug/action-plans/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const member = await memberOf(request);
    authorize(user, 'create_action_plan', 'actionPlan', { memberId: member.id });
    const result = await createActionPlan(db, user, member, request.body);
    if (!result.ok) return renderNew(request, reply, user, member, result, 400);
    return reply.redirect(`${actionPlanEditUrl(intlFromParams(request.params).locale, member.slug, result.number!)}?notice=created`, 303);
  });

  app.get<Params>('/:locale/members/:slug/action-plans/:number/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const { member, plan } = await planOf(request);
    authorize(user, 'edit_action_plan', 'actionPlan', { actionPlanId: plan.id });
    const form = emptyForm({
      number: String(plan.number), submissionYear: String(plan.submissionYear), startYear: String(plan.startYear), endYear: String(plan.endYear),
    });
    return renderEdit(request, reply, user, member, plan, form, 200);
  });

  app.post<Params>('/:locale/members/:slug/action-plans/:number/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const { member, plan } = await planOf(request);
    authorize(user, 'edit_action_plan', 'actionPlan', { actionPlanId: plan.id });
    const result = await editActionPlan(db, user, member.id, plan.number, request.body);
    if (!result.ok) return renderEdit(request, reply, user, member, plan, result, 400);
    const url = actionPlanEditUrl(intlFromParams(request.params).locale, member.slug, result.number!);
    return reply.redirect(`${url}?notice=${result.changeIds.length ? 'saved' : 'unchanged'}`, 303);
  });

  async function memberOf(request: FastifyRequest<Params>): Promise<MemberTarget> {
    const member = await findMemberTarget(db, request.params.slug);
    if (!member) throw notFound('member');
    return member;
  }

  async function planOf(request: FastifyRequest<Params>): Promise<{ member: MemberTarget; plan: ActionPlanTarget }> {
    const member = await memberOf(request);
    const number = /^[0-9]{1,2}$/.test(request.params.number ?? '') ? Number(request.params.number) : 0;
    const plan = number > 0 ? await findActionPlanTarget(db, member.id, number) : undefined;
    if (!plan) throw notFound('action plan');
    return { member, plan };
  }

  function renderNew(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, member: MemberTarget, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, actionPlanNewPage(ctx, {
      memberSlug: member.slug, memberName: memberName(member, ctx.intl.locale), form, csrfToken: csrfToken(web, request, reply),
    }), status);
  }

  function renderEdit(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, member: MemberTarget,
    plan: ActionPlanTarget, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    const name = memberName(member, ctx.intl.locale);
    const notice = request.query.notice;
    return sendPrivatePage(reply, actionPlanEditPage(ctx, {
      memberSlug: member.slug, memberName: name, number: plan.number, planTitle: actionPlanTitle(ctx.intl, name, plan), form,
      csrfToken: csrfToken(web, request, reply),
      notice: status === 200 && (notice === 'created' || notice === 'saved' || notice === 'unchanged') ? ctx.intl.t(`edit.notice.${notice}`) : undefined,
    }), status);
  }
}

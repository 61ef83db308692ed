import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser } from '../accounts/current-user.ts';
import { memberName } from '../members/member-name.ts';
import { findActionPlan } from './action-plan.queries.ts';
import { actionPlanTitle } from './action-plan-title.ts';
import { actionPlanPolicy } from './action-plan.policy.ts';
import { actionPlanEditUrl } from './action-plan-edit.page.tsx';
import { diffLabelsFor } from '../commitments/commitment-history.queries.ts';
import { findPlanChanges } from './action-plan-history.queries.ts';
import { actionPlanHistoryPage } from './action-plan-history.page.tsx';

type Params = { Params: { locale: string; slug: string; number: string } };

/**
 * `/{locale}/members/{slug}/action-plans/{number}/history`: public like a commitment's history tab, and sent the
 * same way (a signed-in person's page, which may carry the edit link, is private; the public's is not cached by ETag).
 */
export function registerActionPlanHistoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/members/:slug/action-plans/:number/history', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const number = /^\d{1,2}$/.test(request.params.number) ? Number(request.params.number) : undefined;
    const plan = number ? await findActionPlan(db, request.params.slug, number) : undefined;
    if (!plan) throw notFound('action plan');
    const [user, changes] = await Promise.all([currentUser(deps, request), findPlanChanges(db, plan.id)]);
    const labels = await diffLabelsFor(db, changes, intl.locale);
    const member = memberName({ name: plan.memberName, kind: plan.memberKind, isoAlpha2: plan.isoAlpha2 }, intl.locale);
    const html = actionPlanHistoryPage(pageContext(request, reply, web, user), {
      memberSlug: plan.memberSlug, memberName: member, number: plan.number, planTitle: actionPlanTitle(intl, member, plan),
      changes, labels,
      editUrl: actionPlanPolicy.edit_action_plan(user, { actionPlanId: plan.id }) ? actionPlanEditUrl(intl.locale, plan.memberSlug, plan.number) : undefined,
    });
    if (user) return sendPrivatePage(reply, html);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { notFound } from '../http/errors.ts';
import { findMember, listActionPlans } from './member.queries.ts';
import { memberPage } from './member.page.tsx';
import { findPlanIrmSummaries } from './plan-irm-summaries.queries.ts';
import { currentUser } from '../accounts/current-user.ts';
import { actionPlanPolicy } from '../action-plans/action-plan.policy.ts';
import { findMemberTarget } from '../action-plans/commands/action-plan-form.ts';

export function registerMemberRoutes(app: FastifyInstance, { db, web }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string } }>('/:locale/members/:slug', async (request, reply) => {
    const [ctx, member, plans, irmSummaries] = await Promise.all([publicPageContext(request, reply, { db, web }),
      findMember(db, request.params.slug), listActionPlans(db, request.params.slug), findPlanIrmSummaries(db, request.params.slug),
    ]);
    if (!member) throw notFound('member');
    // Only a signed-in person's page offers workspace links; such a page is private (decision 017).
    const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
    const target = user ? await findMemberTarget(db, member.slug) : undefined;
    const may = { addActionPlan: target !== undefined && actionPlanPolicy.create_action_plan(user, { memberId: target.id }) };
    return sendPublicPage(request, reply, ctx, memberPage(ctx, member, plans, irmSummaries, may));
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { notFound } from '../http/errors.ts';
import { findMemberHead, listActionPlans } from './member.queries.ts';
import { memberPage } from './member.page.tsx';
import { findPlanIrmSummaries } from './plan-irm-summaries.queries.ts';
import { currentUser } from '../accounts/current-user.ts';
import { actionPlanPolicy } from '../action-plans/action-plan.policy.ts';
import { findMemberTarget } from '../action-plans/commands/action-plan-form.ts';

export function registerMemberRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string } }>('/:locale/members/:slug', async (request, reply) => {
    const ctx = await publicPageContext(request, reply, { db, web });
    const dataVersion = await readDataVersion(ctx, pageCache); // before the head, which the page shows
    const member = await findMemberHead(db, request.params.slug);
    if (!member) throw notFound('member');
    return sendDataVersionedPage(request, reply, ctx, pageCache, `member ${ctx.intl.locale} ${member.slug}`, async () => {
      const [plans, irmSummaries] = await Promise.all([listActionPlans(db, member.slug), findPlanIrmSummaries(db, member.slug)]);
      // Only a signed-in person's page offers workspace links; such a page is private (decision 017).
      const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
      const target = user ? await findMemberTarget(db, member.slug) : undefined;
      const may = { addActionPlan: target !== undefined && actionPlanPolicy.create_action_plan(user, { memberId: target.id }) };
      return memberPage(ctx, member, plans, irmSummaries, may);
    }, dataVersion);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { findActionPlan, listPlanCommitments, memberInstitutionIds } from './action-plan.queries.ts';
import { findClosedRounds, findInstitutionReporting } from './action-plan-reporting.queries.ts';
import { actionPlanPage } from './action-plan.page.tsx';
import { currentUser } from '../accounts/current-user.ts';
import { actionPlanPolicy } from './action-plan.policy.ts';
import { commitmentPolicy } from '../commitments/commitment.policy.ts';

/** An action plan's public page, sent with an ETag and the public pages' cache headers (decision 017). */
export function registerActionPlanRoutes(app: FastifyInstance, { db, web }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; number: string } }>(
    '/:locale/members/:slug/action-plans/:number',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const number = /^\d{1,2}$/.test(request.params.number) ? Number(request.params.number) : undefined;
      const plan = number ? await findActionPlan(db, request.params.slug, number) : undefined;
      if (!plan) throw notFound('action plan');
      const [ctx, commitments, rounds, institutions] = await Promise.all([
        publicPageContext(request, reply, { db, web }), listPlanCommitments(db, plan.id, intl.locale),
        findClosedRounds(db, plan.id), findInstitutionReporting(db, plan.id),
      ]);
      // Only a signed-in person's page offers workspace links; such a page is private (decision 017).
      const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
      const institutionIds = user ? await memberInstitutionIds(db, plan.memberSlug) : [];
      const may = {
        edit: actionPlanPolicy.edit_action_plan(user, { actionPlanId: plan.id }),
        addCommitment: commitmentPolicy.create_commitment(user, { institutionIds }),
      };
      return sendPublicPage(request, reply, ctx, actionPlanPage(ctx, plan, commitments, { rounds, institutions }, may));
    },
  );
}

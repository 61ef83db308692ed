import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { findActionPlan, listPlanCommitments, memberInstitutionIds } from './action-plan.queries.ts';
import { findClosedRounds, findInstitutionReporting } from './action-plan-reporting.queries.ts';
import { actionPlanPage } from './action-plan.page.tsx';
import { currentUser } from '../accounts/current-user.ts';
import { actionPlanPolicy } from './action-plan.policy.ts';
import { commitmentPolicy } from '../commitments/commitment.policy.ts';

/**
 * An action plan's public page. What anonymous visitors see is kept per public data version, with an ETag (decisions
 * 017, 019); a signed-in person's page, which offers workspace links, is made every time and private.
 */
export function registerActionPlanRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; number: string } }>(
    '/:locale/members/:slug/action-plans/:number',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const number = /^\d{1,2}$/.test(request.params.number) ? Number(request.params.number) : undefined;
      const ctx = await publicPageContext(request, reply, { db, web });
      const dataVersion = await readDataVersion(ctx, pageCache); // before the plan, which the page shows
      const plan = number ? await findActionPlan(db, request.params.slug, number) : undefined;
      if (!plan) throw notFound('action plan');
      return sendDataVersionedPage(request, reply, ctx, pageCache, `action-plan ${intl.locale} ${plan.id}`, async () => {
        const [commitments, rounds, institutions] = await Promise.all([
          listPlanCommitments(db, plan.id, intl.locale), findClosedRounds(db, plan.id), findInstitutionReporting(db, plan.id),
        ]);
        const user = ctx.user ? await currentUser({ db, web }, request) : undefined;
        const institutionIds = user ? await memberInstitutionIds(db, plan.memberSlug) : [];
        const may = {
          edit: actionPlanPolicy.edit_action_plan(user, { actionPlanId: plan.id }),
          addCommitment: commitmentPolicy.create_commitment(user, { institutionIds }),
        };
        return actionPlanPage(ctx, plan, commitments, { rounds, institutions }, may);
      }, dataVersion);
    },
  );
}

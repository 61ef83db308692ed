import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams, pathAfterLocale } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { findActionPlan, listPlanCommitments } from './action-plan.queries.ts';
import { actionPlanPage } from './action-plan.page.tsx';

export function registerActionPlanRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string; number: string } }>(
    '/:locale/members/:slug/action-plans/:number',
    async (request, reply) => {
      const intl = intlFromParams(request.params);
      const number = /^\d{1,2}$/.test(request.params.number) ? Number(request.params.number) : undefined;
      const plan = number ? await findActionPlan(db, request.params.slug, number) : undefined;
      if (!plan) throw notFound('action plan');
      const commitments = await listPlanCommitments(db, plan.id, intl.locale);
      return reply.type('text/html; charset=utf-8')
        .send(actionPlanPage({ intl, pathAfterLocale: pathAfterLocale(request.url) }, plan, commitments));
    },
  );
}

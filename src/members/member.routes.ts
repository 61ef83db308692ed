import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams, pathAfterLocale } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { findMember, listActionPlans } from './member.queries.ts';
import { memberPage } from './member.page.tsx';
import { findPlanIrmSummaries } from './plan-irm-summaries.queries.ts';

export function registerMemberRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { locale: string; slug: string } }>('/:locale/members/:slug', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const [member, plans, irmSummaries] = await Promise.all([
      findMember(db, request.params.slug), listActionPlans(db, request.params.slug), findPlanIrmSummaries(db, request.params.slug),
    ]);
    if (!member) throw notFound('member');
    return reply.type('text/html; charset=utf-8')
      .send(memberPage({ intl, pathAfterLocale: pathAfterLocale(request.url) }, member, plans, irmSummaries));
  });
}

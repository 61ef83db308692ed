import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { requireRound } from './commands/round-target.ts';
import { listRounds } from './reporting.queries.ts';
import { planName } from './reporting-plans.queries.ts';
import { findPreviousRound, snapshotRows } from './round-snapshot.queries.ts';
import { reportingRoundPage } from './reporting-round.page.tsx';

type Params = { Params: { locale: string; id: string } };

/** `/{locale}/reporting/rounds/{id}`: the public page of a round (its published snapshot once closed). */
export function registerReportingRoundRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/reporting/rounds/:id', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const round = await requireRound(db, request.params.id);
    const plan = await planName(db, intl, round.actionPlanId);
    const planView = { title: plan.title, href: `/${intl.locale}/members/${plan.memberSlug}/action-plans/${plan.number}` };
    let view: Parameters<typeof reportingRoundPage>[1];
    if (round.closedAt) {
      const previous = await findPreviousRound(db, { ...round, closedAt: round.closedAt });
      view = { round, plan: planView, snapshot: { rows: await snapshotRows(db, round.id, previous?.id ?? null, intl.locale), previous } };
    } else {
      const summary = (await listRounds(db, { openOnly: true, actionPlanIds: [round.actionPlanId] })).find((r) => r.id === round.id);
      view = { round, plan: planView, progress: { reported: summary?.reportedCount ?? 0, total: summary?.milestoneCount ?? 0 } };
    }
    const ctx = await publicPageContext(request, reply, { db, web });
    return sendPublicPage(request, reply, ctx, reportingRoundPage(ctx, view));
  });
}

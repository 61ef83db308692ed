import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { findPublicEvidence, findPublicMilestone, findPublicVerdicts, findPublishedReports, latestReport } from './milestone-reports.queries.ts';
import { milestonePage } from './milestone.page.tsx';
import { milestonePath } from './milestone-urls.ts';

type Params = { Params: { locale: string; id: string; number: string } };

/**
 * `/{locale}/commitments/{id}/milestones/{number}`: a milestone's public page, with what closed reporting rounds
 * published about it. Like the commitment page, ids in any case redirect to the canonical upper-case URL, and the page
 * is sent with an ETag and the public pages' cache headers (decision 017).
 */
export function registerMilestoneRoutes(app: FastifyInstance, { db, web }: AppDeps): void {
  app.get<Params>('/:locale/commitments/:id/milestones/:number', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success || !/^[1-9]\d{0,2}$/.test(request.params.number)) throw notFound('milestone');
    const number = Number(request.params.number);
    if (id.data !== request.params.id) return reply.redirect(milestonePath(intl.locale, id.data, number), 301);
    const milestone = await findPublicMilestone(db, id.data, number);
    if (!milestone) throw notFound('milestone');
    const reports = await findPublishedReports(db, milestone.id);
    const latest = latestReport(reports)?.reportId;
    const [evidence, verdicts] = latest
      ? await Promise.all([findPublicEvidence(db, [latest]), findPublicVerdicts(db, [latest])])
      : [[], []];
    const ctx = await publicPageContext(request, reply, { db, web });
    return sendPublicPage(request, reply, ctx, milestonePage(ctx, { milestone, reports, evidence, verdicts }));
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { publicPageContext } from '../http/page-context.ts';
import { readDataVersion, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { findPublicEvidence, findPublicMilestone, findPublicVerdicts, findPublishedReports, latestReport } from './milestone-reports.queries.ts';
import { milestonePage } from './milestone.page.tsx';
import { milestonePath } from './milestone-urls.ts';

type Params = { Params: { locale: string; id: string; number: string } };

/**
 * `/{locale}/commitments/{id}/milestones/{number}`: a milestone's public page, with what closed reporting rounds
 * published about it. Like the commitment page, ids in any case redirect to the canonical upper-case URL; what anonymous
 * visitors see is kept per public data version, with an ETag and the public pages' cache headers (decisions 017, 019).
 */
export function registerMilestoneRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<Params>('/:locale/commitments/:id/milestones/:number', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success || !/^[1-9]\d{0,2}$/.test(request.params.number)) throw notFound('milestone');
    const number = Number(request.params.number);
    if (id.data !== request.params.id) return reply.redirect(milestonePath(intl.locale, id.data, number), 301);
    const ctx = await publicPageContext(request, reply, { db, web });
    const dataVersion = await readDataVersion(ctx, pageCache); // before the milestone, which the page shows
    const milestone = await findPublicMilestone(db, id.data, number);
    if (!milestone) throw notFound('milestone');
    return sendDataVersionedPage(request, reply, ctx, pageCache, `milestone ${intl.locale} ${milestone.id}`, async () => {
      const reports = await findPublishedReports(db, milestone.id);
      const latest = latestReport(reports)?.reportId;
      const [evidence, verdicts] = latest
        ? await Promise.all([findPublicEvidence(db, [latest]), findPublicVerdicts(db, [latest])])
        : [[], []];
      return milestonePage(ctx, { milestone, reports, evidence, verdicts });
    }, dataVersion);
  });
}

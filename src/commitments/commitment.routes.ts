import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams, pathAfterLocale } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { OgpIdSchema } from './commitment-record.ts';
import { findCommitmentDetail } from './commitment.queries.ts';
import { findPlannedEndDates } from './commitment-history.queries.ts';
import { commitmentPage } from './commitment.page.tsx';

/** `/{locale}/commitments/{id}`: ids are accepted in any case and redirected to the canonical upper-case URL. */
export function registerCommitmentRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { locale: string; id: string } }>('/:locale/commitments/:id', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    if (id.data !== request.params.id) return reply.redirect(`/${intl.locale}/commitments/${id.data}`, 301);
    const [commitment, plannedEnds] = await Promise.all([findCommitmentDetail(db, id.data, intl.locale), findPlannedEndDates(db, id.data)]);
    if (!commitment) throw notFound('commitment');
    return reply.type('text/html; charset=utf-8')
      .send(commitmentPage({ intl, pathAfterLocale: pathAfterLocale(request.url) }, commitment, { plannedEnds }));
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isLocale } from '../i18n/locales.ts';
import { OgpIdSchema } from './commitment-record.ts';
import { findCommitmentDetail } from './commitment.queries.ts';

/**
 * `GET /api/v1/commitments/{id}`: the record the commitment page shows, with prose in every language it exists in.
 * `?locale=` picks the language of taxonomy labels (policy areas); English by default.
 */
export function registerCommitmentApi(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { id: string }; Querystring: { locale?: string } }>('/api/v1/commitments/:id', async (request, reply) => {
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw new AppError('invalid_input', `id: ${id.error.issues[0]?.message}`, 'id');
    const locale = request.query.locale ?? 'en';
    if (!isLocale(locale)) throw new AppError('invalid_input', 'locale: one of en, fr, es, sw', 'locale');
    const commitment = await findCommitmentDetail(db, id.data, locale);
    if (!commitment) throw notFound(`commitment ${id.data}`);
    return reply.header('cache-control', 'public, max-age=60').send(commitment);
  });
}

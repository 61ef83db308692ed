import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses, LocaleQuerySchema } from '../http/api/api-schemas.ts';
import { findCommitmentDetail } from './commitment.queries.ts';
import { CommitmentDetailWireSchema, CommitmentParamsSchema } from './commitment.schema.ts';

/**
 * `GET /api/v1/commitments/{id}`: the record the commitment page shows, with prose in every language it exists in.
 * `?locale=` picks the language of taxonomy labels (policy areas); English by default. The id is read in any case.
 */
export function registerCommitmentApi(app: FastifyInstance, { db }: AppDeps): void {
  apiRoutes(app).get('/api/v1/commitments/:id', {
    ...API_ROUTE,
    schema: {
      operationId: 'getCommitment', tags: ['commitments'], 'x-ahadi-example': '/api/v1/commitments/KE0031?locale=fr',
      params: CommitmentParamsSchema,
      querystring: LocaleQuerySchema,
      response: apiResponses(CommitmentDetailWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const commitment = await findCommitmentDetail(db, request.params.id, request.query.locale);
    if (!commitment) throw notFound(`commitment ${request.params.id}`);
    return commitment;
  });
}

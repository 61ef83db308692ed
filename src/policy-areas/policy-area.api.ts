import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses, LocaleQuerySchema } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { countPolicyAreas, findPolicyArea, findPolicyAreaPage } from './policy-area.queries.ts';
import {
  PolicyAreaDetailWireSchema, PolicyAreaKeySchema, PolicyAreaListQuerySchema, PolicyAreaParamsSchema, PolicyAreaWireSchema,
  presentPolicyArea, presentPolicyAreaDetail,
} from './policy-area.schema.ts';

/** `GET /api/v1/policy-areas` (OGP's taxonomy in its order, labels in `locale`) and `GET /api/v1/policy-areas/{key}`. */
export function registerPolicyAreaApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);

  api.get('/api/v1/policy-areas', {
    ...API_ROUTE,
    schema: {
      operationId: 'listPolicyAreas', tags: ['policy-areas'], 'x-ahadi-example': '/api/v1/policy-areas?locale=sw&limit=5',
      querystring: PolicyAreaListQuerySchema,
      response: apiResponses(listEnvelopeSchema(PolicyAreaWireSchema)),
    },
  }, async (request) => {
    const start = pageStart(request.query, PolicyAreaKeySchema);
    const [rows, total] = await Promise.all([
      findPolicyAreaPage(db, request.query.locale, start.after, start.fetch),
      countPolicyAreas(db),
    ]);
    return pageOf(rows, start, (a) => [a.position, a.key], presentPolicyArea, total);
  });

  api.get('/api/v1/policy-areas/:key', {
    ...API_ROUTE,
    schema: {
      operationId: 'getPolicyArea', tags: ['policy-areas'], 'x-ahadi-example': '/api/v1/policy-areas/open-contracting?locale=fr',
      params: PolicyAreaParamsSchema,
      querystring: LocaleQuerySchema,
      response: apiResponses(PolicyAreaDetailWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const found = await findPolicyArea(db, request.params.key, request.query.locale);
    if (!found) throw notFound(`policy area ${request.params.key}`);
    return presentPolicyAreaDetail(found.area, found.labels, found.children);
  });
}

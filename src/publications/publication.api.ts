import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { findPublicationDetail, findPublishedAfter } from './publication.queries.ts';
import {
  PublicationDetailWireSchema, PublicationKeySchema, PublicationListQuerySchema, PublicationParamsSchema, PublicationWireSchema,
  presentPublication, presentPublicationDetail,
} from './publication.schema.ts';

/**
 * `GET /api/v1/publications` (published guidance notes and stories, newest first; filter by kind) and
 * `GET /api/v1/publications/{slug}`. Drafts and withdrawn publications are not public data: 404 (the pages say why
 * one was withdrawn; the API, which clients mirror, just no longer has it).
 */
export function registerPublicationApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);

  api.get('/api/v1/publications', {
    ...API_ROUTE,
    schema: {
      operationId: 'listPublications', tags: ['publications'], 'x-ahadi-example': '/api/v1/publications?kind=guidance_note',
      querystring: PublicationListQuerySchema,
      response: apiResponses(listEnvelopeSchema(PublicationWireSchema)),
    },
  }, async (request) => {
    const start = pageStart(request.query, PublicationKeySchema);
    const { rows, total } = await findPublishedAfter(db, request.query.kind, start.after, start.fetch);
    return pageOf(rows, start, (p) => [p.publishedOn ?? '', p.id], presentPublication, total);
  });

  api.get('/api/v1/publications/:slug', {
    ...API_ROUTE,
    schema: {
      operationId: 'getPublication', tags: ['publications'], 'x-ahadi-example': '/api/v1/publications/how-to-report-progress-on-a-milestone-with-evidence',
      params: PublicationParamsSchema,
      response: apiResponses(PublicationDetailWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const found = await findPublicationDetail(db, request.params.slug);
    if (!found || found.state !== 'published') throw notFound(`publication ${request.params.slug}`);
    return presentPublicationDetail(found);
  });
}

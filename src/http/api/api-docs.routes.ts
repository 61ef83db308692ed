import type { FastifyInstance } from 'fastify';
import { intlFromParams, pathAfterLocale } from '../locale-params.ts';
import { API_ROUTE, apiRoutes } from './api-route.ts';
import { openApiDocument, registerOpenApiGenerator } from './openapi.ts';
import { apiDocsPage } from './api-docs.page.tsx';

export const OPENAPI_URL = '/api/v1/openapi.json';

/**
 * `GET /api/v1/openapi.json` (the OpenAPI 3.1 document) and `GET /{locale}/api` (the same document as a page).
 * Registers the document generator first: call this before any API route is registered.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await registerOpenApiGenerator(app);
  apiRoutes(app).get(OPENAPI_URL, { ...API_ROUTE, schema: { hide: true } }, async (request) => openApiDocument(request.server));
  app.get<{ Params: { locale: string } }>('/:locale/api', async (request, reply) => {
    const intl = intlFromParams(request.params);
    return reply.type('text/html; charset=utf-8')
      .send(apiDocsPage({ intl, pathAfterLocale: pathAfterLocale(request.url) }, openApiDocument(request.server), OPENAPI_URL));
  });
}

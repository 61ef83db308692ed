import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { findInstitution } from './institution.queries.ts';
import { countInstitutions, findInstitutionPage, findInstitutionWithCommitments } from './institution-list.queries.ts';
import {
  InstitutionDetailWireSchema, InstitutionKeySchema, InstitutionListQuerySchema, InstitutionParamsSchema, InstitutionWireSchema,
  presentInstitution, presentInstitutionDetail,
} from './institution.schema.ts';

/**
 * `GET /api/v1/institutions` (by member slug then slug; filter by member and kind) and
 * `GET /api/v1/institutions/{member}/{slug}`: institutions are recorded per member, so both name one — the same
 * pair the commitment list's `lead` filter takes (`lead=kenya:judiciary`).
 */
export function registerInstitutionApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);

  api.get('/api/v1/institutions', {
    ...API_ROUTE,
    schema: {
      operationId: 'listInstitutions', tags: ['institutions'], 'x-ahadi-example': '/api/v1/institutions?member=kenya&kind=parliament',
      querystring: InstitutionListQuerySchema,
      response: apiResponses(listEnvelopeSchema(InstitutionWireSchema)),
    },
  }, async (request) => {
    const start = pageStart(request.query, InstitutionKeySchema);
    const [rows, total] = await Promise.all([
      findInstitutionPage(db, request.query, start.after, start.fetch),
      countInstitutions(db, request.query),
    ]);
    return pageOf(rows, start, (i) => [i.memberSlug, i.slug], presentInstitution, total);
  });

  api.get('/api/v1/institutions/:member/:slug', {
    ...API_ROUTE,
    schema: {
      operationId: 'getInstitution', tags: ['institutions'], 'x-ahadi-example': '/api/v1/institutions/kenya/judiciary',
      params: InstitutionParamsSchema,
      response: apiResponses(InstitutionDetailWireSchema, { notFound: true }),
    },
  }, async (request, reply) => {
    // A former name, or an institution merged into another, has moved for good: to the institution it leads to.
    const head = await findInstitution(db, request.params.member, request.params.slug);
    if (head?.mergedIntoSlug) return reply.redirect(`/api/v1/institutions/${head.member.slug}/${head.mergedIntoSlug}`, 301);
    const found = await findInstitutionWithCommitments(db, request.params.member, request.params.slug);
    if (!found) throw notFound(`institution ${request.params.member}/${request.params.slug}`);
    return presentInstitutionDetail(found.institution, found.commitments);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { findActionPlanPage } from '../action-plans/action-plan.queries.ts';
import { countMembers, findMember, findMemberPage } from './member.queries.ts';
import {
  MemberDetailWireSchema, MemberKeySchema, MemberListQuerySchema, MemberParamsSchema, MemberWireSchema, presentMember,
  presentMemberDetail,
} from './member.schema.ts';

/** `GET /api/v1/members` (by slug, filter by kind) and `GET /api/v1/members/{slug}` (with its action plans). */
export function registerMemberApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);

  api.get('/api/v1/members', {
    ...API_ROUTE,
    schema: {
      operationId: 'listMembers', tags: ['members'], 'x-ahadi-example': '/api/v1/members?kind=national',
      querystring: MemberListQuerySchema,
      response: apiResponses(listEnvelopeSchema(MemberWireSchema)),
    },
  }, async (request) => {
    const start = pageStart(request.query, MemberKeySchema);
    const [rows, total] = await Promise.all([
      findMemberPage(db, { kinds: request.query.kind, afterSlug: start.after?.[0], limit: start.fetch }),
      countMembers(db, request.query.kind),
    ]);
    return pageOf(rows, start, (m) => [m.slug], presentMember, total);
  });

  api.get('/api/v1/members/:slug', {
    ...API_ROUTE,
    schema: {
      operationId: 'getMember', tags: ['members'], 'x-ahadi-example': '/api/v1/members/kenya',
      params: MemberParamsSchema,
      response: apiResponses(MemberDetailWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const [member, plans] = await Promise.all([
      findMember(db, request.params.slug),
      findActionPlanPage(db, { members: [request.params.slug] }),
    ]);
    if (!member) throw notFound(`member ${request.params.slug}`);
    return presentMemberDetail(member, plans);
  });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses, LocaleQuerySchema } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart, PageQuerySchema } from '../http/api/list-envelope.ts';
import { MemberParamsSchema } from '../members/member.schema.ts';
import { findMemberHead } from '../members/member.queries.ts';
import { countActionPlans, findActionPlanPage, findActionPlanRow, listPlanCommitments, findActionPlan } from './action-plan.queries.ts';
import { findClosedRounds, findInstitutionReporting } from './action-plan-reporting.queries.ts';
import {
  ActionPlanDetailWireSchema, ActionPlanKeySchema, ActionPlanListQuerySchema, ActionPlanParamsSchema, ActionPlanReportingWireSchema,
  ActionPlanWireSchema, presentActionPlan, presentActionPlanDetail, presentActionPlanReporting,
} from './action-plan.schema.ts';

/**
 * `GET /api/v1/action-plans` (by member slug then number, filter by member), `GET /api/v1/members/{slug}/action-plans`
 * `GET /api/v1/action-plans/{member}/{number}` and its published reporting figures,
 * `GET /api/v1/action-plans/{member}/{number}/reporting`: an action plan is named by its member and its number, as on the
 * pages (`/{locale}/members/{slug}/action-plans/{number}`).
 */
export function registerActionPlanApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);
  const envelope = listEnvelopeSchema(ActionPlanWireSchema);

  api.get('/api/v1/action-plans', {
    ...API_ROUTE,
    schema: {
      operationId: 'listActionPlans', tags: ['action-plans'], 'x-ahadi-example': '/api/v1/action-plans?member=kenya',
      querystring: ActionPlanListQuerySchema,
      response: apiResponses(envelope),
    },
  }, async (request) => {
    const start = pageStart(request.query, ActionPlanKeySchema);
    const [rows, total] = await Promise.all([
      findActionPlanPage(db, { members: request.query.member, after: start.after, limit: start.fetch }),
      countActionPlans(db, request.query.member),
    ]);
    return pageOf(rows, start, (p) => [p.memberSlug, p.number], presentActionPlan, total);
  });

  api.get('/api/v1/members/:slug/action-plans', {
    ...API_ROUTE,
    schema: {
      operationId: 'listMemberActionPlans', tags: ['action-plans'], 'x-ahadi-example': '/api/v1/members/kenya/action-plans',
      params: MemberParamsSchema,
      querystring: PageQuerySchema,
      response: apiResponses(envelope, { notFound: true }),
    },
  }, async (request) => {
    const members = [request.params.slug];
    const start = pageStart({ ...request.query, member: members }, ActionPlanKeySchema);
    const [member, rows, total] = await Promise.all([
      findMemberHead(db, request.params.slug),
      findActionPlanPage(db, { members, after: start.after, limit: start.fetch }),
      countActionPlans(db, members),
    ]);
    if (!member) throw notFound(`member ${request.params.slug}`);
    return pageOf(rows, start, (p) => [p.memberSlug, p.number], presentActionPlan, total);
  });

  api.get('/api/v1/action-plans/:member/:number', {
    ...API_ROUTE,
    schema: {
      operationId: 'getActionPlan', tags: ['action-plans'], 'x-ahadi-example': '/api/v1/action-plans/kenya/4?locale=fr',
      params: ActionPlanParamsSchema,
      querystring: LocaleQuerySchema,
      response: apiResponses(ActionPlanDetailWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const { member, number } = request.params;
    const [row, plan] = await Promise.all([findActionPlanRow(db, member, number), findActionPlan(db, member, number)]);
    if (!row || !plan) throw notFound(`action plan ${member}/${number}`);
    return presentActionPlanDetail(row, await listPlanCommitments(db, plan.id, request.query.locale));
  });

  api.get('/api/v1/action-plans/:member/:number/reporting', {
    ...API_ROUTE,
    schema: {
      operationId: 'getActionPlanReporting', tags: ['action-plans'], 'x-ahadi-example': '/api/v1/action-plans/kenya/4/reporting',
      params: ActionPlanParamsSchema,
      response: apiResponses(ActionPlanReportingWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const { member, number } = request.params;
    const plan = await findActionPlan(db, member, number);
    if (!plan) throw notFound(`action plan ${member}/${number}`);
    const [rounds, institutions] = await Promise.all([findClosedRounds(db, plan.id), findInstitutionReporting(db, plan.id)]);
    return presentActionPlanReporting(plan, rounds, institutions);
  });
}

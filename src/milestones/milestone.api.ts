import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { commitmentExists, countMilestones, findMilestonePage, findMilestoneRow, type MilestoneRow } from './milestone.queries.ts';
import { findPublicEvidence, findPublicMilestone, findPublicVerdicts, findPublishedReports } from './milestone-reports.queries.ts';
import {
  CommitmentIdParamsSchema, CommitmentMilestoneQuerySchema, MilestoneKeySchema, MilestoneListQuerySchema, MilestoneParamsSchema,
  MilestoneReportsWireSchema, MilestoneWireSchema, presentMilestone, presentMilestoneReports,
} from './milestone.schema.ts';

const keyOf = (row: MilestoneRow) => [row.commitment, row.number] as const;

/**
 * `GET /api/v1/milestones` (by commitment OGP id then number; filter by commitment, member, declared status, end
 * dates), `GET /api/v1/commitments/{id}/milestones`, `GET /api/v1/commitments/{id}/milestones/{number}` and what the
 * closed reporting rounds published on it, `GET /api/v1/commitments/{id}/milestones/{number}/reports`.
 */
export function registerMilestoneApi(app: FastifyInstance, { db }: AppDeps): void {
  const api = apiRoutes(app);
  const envelope = listEnvelopeSchema(MilestoneWireSchema);

  api.get('/api/v1/milestones', {
    ...API_ROUTE,
    schema: {
      operationId: 'listMilestones', tags: ['milestones'],
      'x-ahadi-example': '/api/v1/milestones?member=kenya&status=ongoing&endFrom=2022-01-01',
      querystring: MilestoneListQuerySchema,
      response: apiResponses(envelope),
    },
  }, async (request) => {
    const start = pageStart(request.query, MilestoneKeySchema);
    const [rows, total] = await Promise.all([
      findMilestonePage(db, request.query, start.after, start.fetch),
      countMilestones(db, request.query),
    ]);
    return pageOf(rows, start, keyOf, presentMilestone, total);
  });

  api.get('/api/v1/commitments/:id/milestones', {
    ...API_ROUTE,
    schema: {
      operationId: 'listCommitmentMilestones', tags: ['milestones'], 'x-ahadi-example': '/api/v1/commitments/KE0031/milestones',
      params: CommitmentIdParamsSchema,
      querystring: CommitmentMilestoneQuerySchema,
      response: apiResponses(envelope, { notFound: true }),
    },
  }, async (request) => {
    const filters = { ...request.query, commitment: [request.params.id], member: [] };
    const start = pageStart(filters, MilestoneKeySchema);
    const [exists, rows, total] = await Promise.all([
      commitmentExists(db, request.params.id),
      findMilestonePage(db, filters, start.after, start.fetch),
      countMilestones(db, filters),
    ]);
    if (!exists) throw notFound(`commitment ${request.params.id}`);
    return pageOf(rows, start, keyOf, presentMilestone, total);
  });

  api.get('/api/v1/commitments/:id/milestones/:number', {
    ...API_ROUTE,
    schema: {
      operationId: 'getCommitmentMilestone', tags: ['milestones'], 'x-ahadi-example': '/api/v1/commitments/KE0031/milestones/1',
      params: MilestoneParamsSchema,
      response: apiResponses(MilestoneWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const row = await findMilestoneRow(db, request.params.id, request.params.number);
    if (!row) throw notFound(`milestone ${request.params.number} of commitment ${request.params.id}`);
    return presentMilestone(row);
  });

  api.get('/api/v1/commitments/:id/milestones/:number/reports', {
    ...API_ROUTE,
    schema: {
      operationId: 'listMilestoneReports', tags: ['milestones'], 'x-ahadi-example': '/api/v1/commitments/KE0031/milestones/1/reports',
      params: MilestoneParamsSchema,
      response: apiResponses(MilestoneReportsWireSchema, { notFound: true }),
    },
  }, async (request) => {
    const milestone = await findPublicMilestone(db, request.params.id, request.params.number);
    if (!milestone) throw notFound(`milestone ${request.params.number} of commitment ${request.params.id}`);
    const reports = await findPublishedReports(db, milestone.id);
    const reportIds = reports.flatMap((r) => (r.reportId ? [r.reportId] : []));
    const [evidence, verdicts] = await Promise.all([findPublicEvidence(db, reportIds), findPublicVerdicts(db, reportIds)]);
    return presentMilestoneReports({ commitment: milestone.commitment.ogpId, number: milestone.number }, reports, evidence, verdicts);
  });
}

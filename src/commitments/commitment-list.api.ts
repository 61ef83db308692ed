import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { API_ROUTE, apiRoutes } from '../http/api/api-route.ts';
import { apiResponses } from '../http/api/api-schemas.ts';
import { listEnvelopeSchema, pageOf, pageStart } from '../http/api/list-envelope.ts';
import { createKeptParts } from '../http/public-page-cache.ts';
import { filtersToQuery, type CommitmentFilters } from './commitment-filters.ts';
import { countCommitments, findCommitmentListItems, findCommitmentPage } from './commitment-list.queries.ts';
import { CommitmentKeySchema, CommitmentListQuerySchema, CommitmentSummaryWireSchema, presentCommitmentSummary } from './commitment.schema.ts';

/** Filter states whose total is kept: a few dozen bytes each. */
const KEPT_TOTALS_BYTES = 256 * 2 ** 10;

/**
 * `GET /api/v1/commitments`: the list page's filters and sorts (`CommitmentFiltersSchema`), in pages of `limit`
 * with a cursor that carries the position after the last item sent: its sort key (plan start year, or search rank
 * when sorting by relevance) and its OGP id, which breaks ties.
 */
export function registerCommitmentListApi(app: FastifyInstance, { db }: AppDeps): void {
  // Each page of a filter state has the same total: kept per filters and data version, so paging through a search
  // with the cursor ranks its matches once per page, not also counts them (decision 021).
  const keptTotals = createKeptParts<{ total: number }>(KEPT_TOTALS_BYTES);
  const totalOf = async (filters: CommitmentFilters, dataVersion: string | undefined): Promise<number> => {
    if (dataVersion === undefined) return countCommitments(db, filters);
    const name = `${filtersToQuery({ ...filters, sort: undefined })} @${dataVersion}`;
    return (await keptTotals.getOrMake(name, async () => ({ total: await countCommitments(db, filters) }))).total;
  };

  apiRoutes(app).get('/api/v1/commitments', {
    ...API_ROUTE,
    schema: {
      operationId: 'listCommitments', tags: ['commitments'],
      'x-ahadi-example': '/api/v1/commitments?member=kenya&milestone=ongoing&sort=id&limit=2',
      querystring: CommitmentListQuerySchema,
      response: apiResponses(listEnvelopeSchema(CommitmentSummaryWireSchema)),
    },
  }, async (request) => {
    const filters = request.query;
    const start = pageStart(filters, CommitmentKeySchema);
    const position = start.after ? { after: { sortKey: start.after[0], ogpId: start.after[1] } } : { offset: 0 };
    const [hits, total] = await Promise.all([findCommitmentPage(db, filters, position, start.fetch), totalOf(filters, request.publicDataVersion)]);
    const items = await findCommitmentListItems(db, hits.slice(0, start.limit).map((h) => h.id), filters.locale, undefined);
    const byOgpId = new Map(items.map((item) => [item.ogpId, item]));
    // A commitment deleted between the two queries is left out of the page; the cursor still moves past it.
    const present = (ogpId: string) => {
      const item = byOgpId.get(ogpId);
      return item ? presentCommitmentSummary(item) : undefined;
    };
    return pageOf(hits, start, (h) => [h.sortKey, h.ogpId], (h) => present(h.ogpId), total);
  });
}

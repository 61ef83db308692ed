import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext } from '../http/page-context.ts';
import { createKeptParts, sendDataVersionedPage } from '../http/public-page-cache.ts';
import { parseQuery } from '../http/query.ts';
import { CommitmentFiltersSchema, filtersToQuery, type CommitmentFilters } from './commitment-filters.ts';
import { findCommitmentListItems, listOrder, type Hit } from './commitment-list.queries.ts';
import { findCommitmentListPage, type ListCounts } from './commitment-list-page.queries.ts';
import { commitmentListPage, EXPANDABLE_FACETS, filterPanel, panelInSort } from './commitment-list.page.tsx';

const PAGE_SIZE = 20;
/** A search's first pages whose ids are kept per sort: 200 ids, ~10 KB each (decision 020, amended). */
const KEPT_PAGES = 10;
const KEPT_ORDERS_BYTES = 2 * 2 ** 20;
/** Counts and facets kept per filter state: ~20-30 KB of JSON each with the member facet, so ~150-200 states. */
const KEPT_COUNTS_BYTES = 4 * 2 ** 20;
/** The filters panel made from them: ~10 KB of HTML, ~40 KB with all 200 members shown. */
const KEPT_PANELS_BYTES = 4 * 2 ** 20;
/** The page number, and which long facet, if any, shows all its values (`all=member`) rather than the first ones. */
const PageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  all: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EXPANDABLE_FACETS).optional()),
});

/**
 * The list and search page; what anonymous visitors see is kept per filter state and data version (decision 019).
 * Its count and facets, the same on every page and in every sort of a filter state, are kept per filter state,
 * language (policy area labels) and data version for everyone, so paging or sorting costs only the page's ids
 * (decision 020). So is the filters panel made from them, but for the sort its links carry, which each page puts in
 * (`panelInSort`). Signed-in people read the current data version, hence current counts.
 */
export function registerCommitmentListRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  const keptCounts = createKeptParts<ListCounts>(KEPT_COUNTS_BYTES);
  const keptOrders = createKeptParts<Hit[]>(KEPT_ORDERS_BYTES);
  const keptPanels = createKeptParts<{ html: string }>(KEPT_PANELS_BYTES);
  /** Names a filter state's counts and panel: the language (labels, order of areas), filters but the sort, data version. */
  const stateName = (filters: CommitmentFilters, locale: string, dataVersion: string) =>
    `${locale} ${filtersToQuery({ ...filters, sort: undefined })} @${dataVersion}`;

  /**
   * A page's ids, the count and the facets. A search's first pages in one sort are read from the first
   * `KEPT_PAGES` pages of its order, kept per filter state, sort and data version (not language: a text is ranked
   * in its own): a search orders all its matches for any of its pages (ranking each one when by relevance), a
   * plain list reads only the ids it shows.
   */
  async function listParts(filters: CommitmentFilters, locale: string, page: number, dataVersion: string): Promise<{ hits: Hit[] } & ListCounts> {
    const countsName = stateName(filters, locale, dataVersion);
    const counts = keptCounts.get(countsName);
    const ordered = filters.q !== undefined && page <= KEPT_PAGES;
    const orderName = `${filtersToQuery({ ...filters, sort: listOrder(filters).sort })} @${dataVersion}`;
    const order = ordered ? keptOrders.get(orderName) : undefined;
    const onPage = (hits: Hit[]) => (ordered ? hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : hits);
    if (order && counts) {
      const [hits, kept] = await Promise.all([order, counts]);
      return { hits: onPage(hits), ...kept };
    }
    const position = ordered ? { offset: 0, limit: KEPT_PAGES * PAGE_SIZE } : { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
    const made = findCommitmentListPage(db, filters, locale, position, counts);
    if (!counts) keptCounts.making(countsName, made.then(({ total, facets }) => ({ total, facets })));
    if (ordered && !order) keptOrders.making(orderName, made.then(({ hits }) => hits));
    const { hits, total, facets } = await made;
    return { hits: onPage(hits), total, facets };
  }

  app.get<{ Params: { locale: string } }>('/:locale/commitments', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const filters = parseQuery(CommitmentFiltersSchema, request.query);
    const { page, all } = parseQuery(PageSchema, { page: (request.query as { page?: unknown }).page, all: (request.query as { all?: unknown }).all });
    const ctx = await publicPageContext(request, reply, { db, web }, filtersToQuery(filters, { page: page > 1 ? page : undefined, all }));
    const name = `commitments ${intl.locale} ${filtersToQuery(filters, { page, all })}`;
    return sendDataVersionedPage(request, reply, ctx, pageCache, name, async (dataVersion) => {
      const { hits, total, facets } = await listParts(filters, intl.locale, page, dataVersion);
      const [items, panel] = await Promise.all([
        findCommitmentListItems(db, hits.map((h) => h.id), intl.locale, filters.q),
        keptPanels.getOrMake(`${stateName(filters, intl.locale, dataVersion)} all=${all ?? ''}`,
          async () => ({ html: filterPanel(intl, { filters, facets, expanded: all }) })),
      ]);
      return commitmentListPage(ctx, { filters, items, total, page, pageSize: PAGE_SIZE, filterPanel: panelInSort(panel.html, filters.sort) });
    });
  });
}

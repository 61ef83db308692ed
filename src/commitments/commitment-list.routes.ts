import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { publicPageContext } from '../http/page-context.ts';
import { sendDataVersionedPage } from '../http/public-page-cache.ts';
import { AppError } from '../http/errors.ts';
import { CommitmentFiltersSchema, filtersToQuery } from './commitment-filters.ts';
import { findCommitmentListItems } from './commitment-list.queries.ts';
import { findCommitmentListPage } from './commitment-list-page.queries.ts';
import { commitmentListPage, EXPANDABLE_FACETS } from './commitment-list.page.tsx';

const PAGE_SIZE = 20;
/** The page number, and which long facet, if any, shows all its values (`all=member`) rather than the first ones. */
const PageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  all: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EXPANDABLE_FACETS).optional()),
});

/** Turns a schema failure into a 400 that names the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'query';
  throw new AppError('invalid_input', `${field}: ${issue.message}`, field);
}

/** The list and search page; what anonymous visitors see is kept per filter state and data version (decision 019). */
export function registerCommitmentListRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/commitments', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const filters = parseQuery(CommitmentFiltersSchema, request.query);
    const { page, all } = parseQuery(PageSchema, { page: (request.query as { page?: unknown }).page, all: (request.query as { all?: unknown }).all });
    const ctx = await publicPageContext(request, reply, { db, web });
    const name = `commitments ${intl.locale} ${filtersToQuery(filters, { page, all })}`;
    return sendDataVersionedPage(request, reply, ctx, pageCache, name, async () => {
      const { hits, total, facets } = await findCommitmentListPage(db, filters, intl.locale, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
      const items = await findCommitmentListItems(db, hits.map((h) => h.id), intl.locale, filters.q);
      return commitmentListPage(ctx, { filters, items, total, page, pageSize: PAGE_SIZE, facets, expanded: all });
    });
  });
}

import { z } from 'zod';
import { IRM_INDICATORS, type IrmIndicator } from '../irm/indicators.ts';

/**
 * The filters of the commitment list, shared by the page (`/{locale}/commitments`), the API, downloads and feeds,
 * read from a query string. Every filter state is a URL: repeat a parameter to pick several values of it
 * (`?area=open-data&area=gender`): values of one filter are alternatives, different filters must all hold. Each IRM
 * indicator is a filter of its own (`irmPicks`).
 */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(item).max(50));
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as "kenya"');
// An empty form field (`from=`) means "no filter": browsers send every field of a GET form.
const blankAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const year = z.preprocess(blankAsUndefined, z.coerce.number().int().min(2011).max(2100).optional());

// An own key only: `toString:x` or `__proto__:x` name no indicator, and a third part (`completion:limited:x`) no value.
const IRM_RATING = z.string().refine((value) => {
  const [indicator = '', rating, ...rest] = value.split(':');
  if (!Object.hasOwn(IRM_INDICATORS, indicator) || rating === undefined || rest.length > 0) return false;
  const values: readonly string[] = IRM_INDICATORS[indicator as IrmIndicator];
  return values.includes(rating) || ['not_reviewed', 'no_data', 'not_applicable'].includes(rating);
}, 'indicator:value, such as "completion:limited"');

export const SORTS = ['relevance', 'newest', 'oldest', 'id'] as const;
export type Sort = (typeof SORTS)[number];

export const CommitmentFiltersSchema = z.object({
  // Typographic quotes make a phrase as straight ones do: phones and word processors type “…”, French «…».
  // Words without a letter or digit (`-`, `"`, `*`) search for nothing: the whole list, not none of it.
  q: z.string().trim().max(200).optional().transform((v) => (v && /[\p{L}\p{N}]/u.test(v) ? v.replace(/[“”„‟«»]/g, '"') : undefined)),
  member: many(slug),
  kind: many(z.enum(['national', 'local', 'legacy_local', 'other'])),
  /** An action plan as `member-slug:number` ("kenya:4"). */
  plan: many(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*:\d{1,2}$/, 'member:number, such as "kenya:4"')),
  area: many(slug),
  /** A lead institution as `member-slug:institution-slug` ("kenya:judiciary"). */
  lead: many(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$/, 'member:institution, such as "kenya:judiciary"')),
  irm: many(IRM_RATING),
  milestone: many(z.enum(['new', 'ongoing'])),
  from: year,
  to: year,
  sort: z.preprocess(blankAsUndefined, z.enum(SORTS).optional()),
}).refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { message: 'from is after to', path: ['from'] });

export type CommitmentFilters = z.infer<typeof CommitmentFiltersSchema>;
export type FilterDimension = 'member' | 'kind' | 'plan' | 'area' | 'lead' | IrmDimension | 'milestone' | 'years';
/** The IRM values picked of one indicator (`irm:completion`): a filter, as a member or an area is. */
export type IrmDimension = `irm:${IrmIndicator}`;

/**
 * The IRM values picked, by indicator (in the indicators' order): values of one indicator are alternatives (a
 * commitment has one completion: "complete or substantial"), different indicators must all hold ("complete or
 * substantial, and transformative"), as different filters do.
 */
export function irmPicks(filters: Pick<CommitmentFilters, 'irm'>): { dimension: IrmDimension; indicator: IrmIndicator; values: string[] }[] {
  const byIndicator = new Map<IrmIndicator, string[]>();
  for (const value of filters.irm) {
    const indicator = value.slice(0, value.indexOf(':')) as IrmIndicator;
    byIndicator.set(indicator, [...(byIndicator.get(indicator) ?? []), value]);
  }
  return [...byIndicator].sort(([a], [b]) => a.localeCompare(b))
    .map(([indicator, values]) => ({ dimension: `irm:${indicator}`, indicator, values }));
}

export const NO_FILTERS: CommitmentFilters = CommitmentFiltersSchema.parse({});

/** The sort that applies: relevance when searching, otherwise the newest plans first. */
export function effectiveSort(filters: CommitmentFilters): Sort {
  return filters.sort ?? (filters.q ? 'relevance' : 'newest');
}

/** The query string that reproduces these filters (stable order), for links, pagination and downloads. */
export function filtersToQuery(filters: CommitmentFilters, extra: Record<string, string | number | undefined> = {}): string {
  return filterLinks(filters)(extra);
}

/**
 * `filtersToQuery` for the many links of one page (each year, each page number, each "show all"), which differ
 * only in the extra parameters or the years (`filters`' own unless given): the search and the values picked are encoded once, not per link.
 * The parts join as one `URLSearchParams` would write them.
 */
export function filterLinks(filters: CommitmentFilters):
  (extra?: Record<string, string | number | undefined>, years?: { from?: number; to?: number }) => string {
  const params = new URLSearchParams();
  if (filters.q) params.append('q', filters.q);
  for (const key of ['member', 'kind', 'plan', 'area', 'lead', 'irm', 'milestone'] as const) {
    for (const value of [...filters[key]].sort()) params.append(key, value);
  }
  const picked = params.toString();
  return (extra = {}, years = filters) => {
    const rest = new URLSearchParams();
    if (years.from !== undefined) rest.append('from', String(years.from));
    if (years.to !== undefined) rest.append('to', String(years.to));
    if (filters.sort) rest.append('sort', filters.sort);
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) rest.append(key, String(value));
    const tail = rest.toString();
    const query = picked && tail ? `${picked}&${tail}` : picked || tail;
    return query ? `?${query}` : '';
  };
}

import { describe, expect, it } from 'vitest';
import { CommitmentFiltersSchema, filterLinks, filtersToQuery, type CommitmentFilters } from './commitment-filters.ts';

/** The query as one URLSearchParams writes it, parameters in the documented order: what every link must equal. */
function expected(filters: CommitmentFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filters.q) params.append('q', filters.q);
  for (const key of ['member', 'kind', 'plan', 'area', 'lead', 'irm', 'milestone'] as const) {
    for (const value of [...filters[key]].sort()) params.append(key, value);
  }
  if (filters.from !== undefined) params.append('from', String(filters.from));
  if (filters.to !== undefined) params.append('to', String(filters.to));
  if (filters.sort) params.append('sort', filters.sort);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.append(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}

const STATES = [
  {},
  { sort: 'oldest' },
  { from: '2019' },
  { q: 'accès à l’information & "budget" 100%', sort: 'relevance' },
  { member: ['kenya', 'cote-d-ivoire'], area: 'public-participation', from: '2018', to: '2022', sort: 'id' },
  { q: 'open data', lead: 'kenya:judiciary', irm: 'completion:limited', milestone: ['ongoing', 'new'], plan: 'kenya:4' },
].map((query) => CommitmentFiltersSchema.parse(query));

describe('filterLinks', () => {
  it('writes each link of a page as filtersToQuery and one URLSearchParams do', () => {
    for (const filters of STATES) {
      const link = filterLinks(filters);
      expect(link()).toBe(expected(filters));
      expect(filtersToQuery(filters)).toBe(expected(filters));
      for (const extra of [{ page: 3 }, { page: undefined }, { all: 'member' }, { page: 2, all: 'area' }]) {
        expect(link(extra)).toBe(expected(filters, extra));
        expect(filtersToQuery(filters, extra)).toBe(expected(filters, extra));
      }
      for (const year of [2011, 2024]) {
        expect(link({}, { from: year, to: year })).toBe(expected({ ...filters, from: year, to: year }));
      }
    }
  });
});

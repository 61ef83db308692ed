import { escapeHtml } from '@kitajs/html';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { effectiveSort, irmPicks, type CommitmentFilters, type FilterDimension, type Sort } from './commitment-filters.ts';
import { institutionNames, titleInLocale } from './commitment-sql.ts';

/**
 * The filtered, sorted commitment list. Filters run on `commitment_facets` (one narrow row per commitment, GIN
 * indexes on its arrays); full-text search on `commitment_texts.search_vector`. Items of a page are fetched by id
 * in a second query, so titles, snippets and names are computed for 20 rows, not for every match.
 * A search finds its matches once per statement (`matched` below): the ids, the count and every facet count are
 * computed from that one set instead of each re-running the search (decision 016).
 */

/**
 * Matches any language's stemming of the words: a French text is found by French words on an English page.
 * `ahadi_search_query` (migration 009) joins the languages' queries without repeating one (most words stem alike in
 * several languages), which halves the cost of ranking and highlighting; it is folded to a constant when planned.
 */
export function searchQuery(q: string): RawBuilder<unknown> {
  return sql`ahadi_search_query(${q})`;
}

/**
 * The text at alias `t` matches the search words, and no text of its commitment has a word they exclude (`-word`,
 * `-"two words"`). `websearch_to_tsquery` excludes per text: alone, `-open` found a commitment whose Spanish text
 * lacks "open" though its English title has it. An OGP id (`KE0031`) is a word of its commitment's documents
 * (migration 020).
 */
export function textMatches(q: string): RawBuilder<SqlBool> {
  const matches = sql<SqlBool>`t.search_vector @@ ${searchQuery(q)}`;
  const excluded = excludedWords(q);
  if (excluded === undefined) return matches;
  return sql<SqlBool>`(${matches} and not exists (
    select from commitment_texts x where x.commitment_id = t.commitment_id and x.search_vector @@ ${searchQuery(excluded)}))`;
}

/**
 * The words a search excludes, as a search for any of them (`-open -"public data"` → `open or "public data"`), or
 * undefined. As `websearch_to_tsquery` reads them: a `-` that starts a word or a quoted phrase, not one inside a
 * word ("e-government").
 */
export function excludedWords(q: string): string | undefined {
  const excluded = [...q.matchAll(/(?:^|\s)-("[^"]*"?|[^\s"]+)/g)].map((m) => m[1]!).filter((w) => w.replace(/"/g, '').trim() !== '');
  return excluded.length > 0 ? excluded.map((w) => (w.startsWith('"') && !w.endsWith('"') ? `${w}"` : w)).join(' or ') : undefined;
}

// The configurations `ahadi_search_config` (migration 004) gives a text's language.
const SEARCH_CONFIGS = ['ahadi_en', 'ahadi_fr', 'ahadi_es', 'ahadi_simple'];

/**
 * How well the text at alias `t` matches the search words: ranked by the words' parse in its own language, or, for a
 * text that only another language's parse found, by all of them. A text is found by the words' parse in any
 * language (`searchQuery`), but ranking every match against all the parses made `ts_rank_cd` look for covers of
 * every language's terms at once: 4 times the cost of ranking by its own, for nearly the same rank (decision 020,
 * amended). Each parse is folded to a constant when planned.
 */
export function searchRank(q: string): RawBuilder<unknown> {
  const parses = SEARCH_CONFIGS.map((config) => sql`when ${sql.lit(config)}::regconfig then websearch_to_tsquery(${sql.lit(config)}::regconfig, ${q})`);
  const ownLanguage = sql`(case ahadi_search_config(t.locale) ${sql.join(parses, sql` `)} end)`;
  return sql`coalesce(nullif(ts_rank_cd(t.search_vector, ${ownLanguage}), 0), ts_rank_cd(t.search_vector, ${searchQuery(q)}))`;
}

/**
 * `matched(commitment_id[, rank])`: the commitments whose texts match the search words, for a `with` clause. Ranked,
 * each has its best rank over its languages, computed in the same scan of the matching texts that finds them (a
 * text that does not match ranks 0, so the best matching one is the commitment's best). Ranking reads every
 * matching document whole, so counts ask for the set only.
 */
export function matchedSearch(q: string, ranked: boolean): RawBuilder<unknown> {
  return ranked
    ? sql`matched as materialized (
        select t.commitment_id, max(${searchRank(q)})::float8 as rank
        from commitment_texts t where ${textMatches(q)} group by t.commitment_id)`
    : sql`matched as materialized (
        select distinct t.commitment_id from commitment_texts t where ${textMatches(q)})`;
}

/**
 * `from` of the facets rows a list starts with, as alias `f` (with `rank` when searching and ranked): every
 * commitment, or the ones `matched` found. Its `with` clause, if any, comes first.
 */
function listSource(filters: CommitmentFilters, ranked: boolean): { with: RawBuilder<unknown>; from: RawBuilder<unknown>; rank: RawBuilder<unknown> } {
  if (!filters.q) return { with: sql``, from: sql`commitment_facets f`, rank: sql`0::float8` };
  return {
    with: sql`with ${matchedSearch(filters.q, ranked)}`,
    from: sql`matched join commitment_facets f on f.commitment_id = matched.commitment_id`,
    rank: ranked ? sql`matched.rank` : sql`0::float8`,
  };
}

/** The filters but the search words: for conditions over `listSource`, which already holds only the matches. */
export function withoutSearch(filters: CommitmentFilters): CommitmentFilters {
  return { ...filters, q: undefined };
}

/** The dimensions a filter applies to (search words are one too, `q`). */
export function activeDimensions(filters: CommitmentFilters): (FilterDimension | 'q')[] {
  const dimensions: (FilterDimension | 'q')[] = [];
  filterConditionsBy(filters, undefined, (dimension) => { dimensions.push(dimension); });
  return dimensions;
}

/**
 * The conditions of every filter but `except` (facet counts ignore their own dimension), over alias `f`. Each IRM
 * indicator with values picked is a dimension (`irmPicks`).
 */
export function filterConditions(filters: CommitmentFilters, except?: FilterDimension): RawBuilder<SqlBool> {
  const all: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  filterConditionsBy(filters, except, (_dimension, condition) => { all.push(condition); });
  return sql<SqlBool>`(${sql.join(all, sql` and `)})`;
}

function filterConditionsBy(filters: CommitmentFilters, except: FilterDimension | undefined,
  add: (dimension: FilterDimension | 'q', condition: RawBuilder<SqlBool>) => void): void {
  const on = (dimension: FilterDimension, active: boolean, condition: () => RawBuilder<SqlBool>) => {
    if (active && dimension !== except) add(dimension, condition());
  };
  on('member', filters.member.length > 0, () => sql`f.member_id in (select id from members where slug = any(${filters.member}))`);
  on('kind', filters.kind.length > 0, () => sql`f.member_kind = any(${filters.kind})`);
  on('plan', filters.plan.length > 0, () => sql`f.action_plan_id in (
      select p.id from action_plans p join members m on m.id = p.member_id where m.slug || ':' || p.number = any(${filters.plan}))`);
  on('area', filters.area.length > 0, () => sql`f.policy_areas && ${filters.area}::text[]`);
  // A former name's address (or a merged institution's) filters by the institution it leads to.
  on('lead', filters.lead.length > 0, () => sql`f.lead_institutions && array(
      select coalesce(i.merged_into_id, i.id) from institutions i join members m on m.id = i.member_id where m.slug || ':' || i.slug = any(${filters.lead}))`);
  // Ratings are kept as codes (migration 023).
  for (const { dimension, values } of irmPicks(filters)) on(dimension, true, () => sql`f.irm_ratings && irm_rating_codes_of(${values}::text[])`);
  on('milestone', filters.milestone.length > 0, () => sql`f.milestone_statuses && ${filters.milestone}::text[]`);
  on('years', filters.from !== undefined, () => sql`f.plan_end_year >= ${filters.from}`);
  on('years', filters.to !== undefined, () => sql`f.plan_start_year <= ${filters.to}`);
  if (filters.q) {
    add('q', sql`f.commitment_id in (select t.commitment_id from commitment_texts t where ${textMatches(filters.q)})`);
  }
}

export type ListPosition = { offset: number } | { after: { sortKey: number | null; ogpId: string } };

export type Hit = { id: string; ogpId: string; sortKey: number | null };

const ORDER: Record<Sort, { key: RawBuilder<unknown>; direction: 'asc' | 'desc' }> = {
  relevance: { key: sql`f.rank`, direction: 'desc' },
  newest: { key: sql`f.plan_start_year`, direction: 'desc' },
  oldest: { key: sql`f.plan_start_year`, direction: 'asc' },
  id: { key: sql`null::int`, direction: 'asc' },
};

/** How a list is ordered: by `key` over alias `f` (or `rank` of the search), then by OGP id, which breaks ties. */
export function listOrder(filters: CommitmentFilters): { sort: Sort; ranked: boolean; key: RawBuilder<unknown>; direction: 'asc' | 'desc' } {
  // Without search words there is no relevance to sort by.
  const sort = filters.sort === 'relevance' && !filters.q ? 'newest' : effectiveSort(filters);
  return { sort, ranked: sort === 'relevance', ...ORDER[sort] };
}

/** Ids of one page of matching commitments, in order, with the key a cursor resumes from. */
export async function findCommitmentPage(db: Db, filters: CommitmentFilters, position: ListPosition, limit: number): Promise<Hit[]> {
  const { ranked, key, direction } = listOrder(filters);
  const source = listSource(filters, ranked);
  const after = 'after' in position ? position.after : undefined;
  const resume = after
    ? (direction === 'desc'
      ? sql`and (sort_key < ${after.sortKey} or (sort_key = ${after.sortKey} and ogp_id > ${after.ogpId}) or (sort_key is null and ogp_id > ${after.ogpId}))`
      : sql`and (sort_key > ${after.sortKey} or (sort_key = ${after.sortKey} and ogp_id > ${after.ogpId}) or (sort_key is null and ogp_id > ${after.ogpId}))`)
    : sql``;
  const offset = 'offset' in position ? position.offset : 0;
  const result = await sql<{ id: string; ogp_id: string; sort_key: number | null }>`
    ${source.with}
    select id, ogp_id, sort_key from (
      select f.commitment_id as id, f.ogp_id, ${ranked ? source.rank : key} as sort_key
      from ${source.from}
      where ${filterConditions(withoutSearch(filters))}
    ) ranked
    where true ${resume}
    order by sort_key ${sql.raw(direction)} nulls last, ogp_id asc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows.map((r) => ({ id: r.id, ogpId: r.ogp_id, sortKey: r.sort_key === null ? null : Number(r.sort_key) }));
}

export async function countCommitments(db: Db, filters: CommitmentFilters): Promise<number> {
  if (activeDimensions(filters).length === 0) {
    // Every commitment has one member kind: the kept counts of kinds add up to the whole list (migration 009).
    const kept = await sql<{ n: number }>`
      select coalesce(sum(count), 0)::int as n from commitment_facet_counts where dimension = 'kind'`.execute(db);
    return kept.rows[0]?.n ?? 0;
  }
  const source = listSource(filters, false);
  const result = await sql<{ n: number }>`
    ${source.with} select count(*)::int as n from ${source.from} where ${filterConditions(withoutSearch(filters))}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export type CommitmentListItem = {
  ogpId: string;
  title: string;
  titleLocale: string;
  /** Escaped text with the search words wrapped in <mark>, or null when not searching. */
  snippetHtml: string | null;
  member: { slug: string; name: string; kind: string; isoAlpha2: string | null };
  actionPlan: { number: number; startYear: number; endYear: number };
  leadInstitutions: string[];
  policyAreas: string[];
};

// ts_headline marks matches with these; the text is escaped in JS before they become <mark> tags.
const MARK_START = '\u0002';
const MARK_END = '\u0003';

/** The list items for ids, in the order given, with titles in the wanted language when they exist. */
export async function findCommitmentListItems(db: Db, ids: string[], locale: string, q: string | undefined): Promise<CommitmentListItem[]> {
  if (ids.length === 0) return [];
  // Cut from the prose in the wanted language, else the source language's: the title's text may have no prose (OGP's
  // English "Short Title" of a Spanish row, decision 006), while the words found may be in the Spanish full text.
  const snippet = q
    ? sql<string>`(select ts_headline(ahadi_search_config(s.locale), s.prose, ${searchQuery(q)},
          ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})
        from (select x.locale, nullif(concat_ws(' … ',
            commitment_text_prose(x.description, x.objectives, x.status_quo, x.ambition, x.full_text, ' … '),
            (select string_agg(mt.text, ' … ' order by m.number) from milestones m
             join milestone_texts mt on mt.milestone_id = m.id and mt.locale = x.locale where m.commitment_id = c.id)), '') as prose
          from commitment_texts x where x.commitment_id = c.id) s
        where s.prose is not null
        order by (s.locale = ${locale}) desc, (s.locale = c.source_locale) desc, s.locale limit 1)`
    : sql<string>`null`;
  const result = await sql<{
    id: string; ogp_id: string; title: string; locale: string; snippet: string | null; member_slug: string; member_name: string;
    member_kind: string; iso_alpha2: string | null; number: number; start_year: number; end_year: number;
    lead: string[]; areas: string[];
  }>`
    select c.id, c.ogp_id, t.title, t.locale, ${snippet} as snippet, m.slug as member_slug, m.name as member_name,
      m.kind as member_kind, m.iso_alpha2, p.number, p.start_year, p.end_year,
      ${institutionNames('lead')} as lead,
      f.policy_areas as areas
    from commitments c
    join action_plans p on p.id = c.action_plan_id
    join members m on m.id = p.member_id
    join commitment_facets f on f.commitment_id = c.id
    ${titleInLocale(locale)}
    where c.id = any(${ids}::bigint[])`.execute(db);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean).map((r) => ({
    ogpId: r.ogp_id,
    title: r.title,
    titleLocale: r.locale,
    snippetHtml: r.snippet ? markedSnippet(r.snippet) : null,
    member: { slug: r.member_slug, name: r.member_name, kind: r.member_kind, isoAlpha2: r.iso_alpha2 },
    actionPlan: { number: r.number, startYear: r.start_year, endYear: r.end_year },
    leadInstitutions: r.lead,
    policyAreas: r.areas,
  }));
}

function markedSnippet(text: string): string {
  return escapeHtml(text).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

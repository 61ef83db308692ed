import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect.ts';
import { unnest } from '../db/unnest.ts';
import { irmPicks, type CommitmentFilters, type FilterDimension, type Sort } from './commitment-filters.ts';
import { activeDimensions, filterConditions, listOrder, matchedSearch, searchRank, textMatches, withoutSearch, type Hit } from './commitment-list.queries.ts';

/**
 * Counts beside each filter value. Each dimension counts over the commitments that match every *other* filter,
 * so picking one member still shows how many commitments the other members have. All seven in one statement,
 * each a scan of the narrow `commitment_facets` table (or of the search's matches).
 */
export type FacetValue = { value: string; label: string; count: number };
export type Facets = {
  member: (FacetValue & { kind: string; isoAlpha2: string | null })[];
  kind: FacetValue[];
  area: FacetValue[];
  lead: FacetValue[];
  irm: FacetValue[];
  milestone: FacetValue[];
  /** Per year, the commitments whose plan runs in it (`from=Y&to=Y` lists them). */
  year: FacetValue[];
};

/** Indicators offered as filters: the ones people compare commitments by. */
export const IRM_FACET_INDICATORS = ['completion', 'potential_for_results', 'potential_impact', 'did_it_open_government', 'early_results'];

/** What every page and sort of one filter state shows alike: kept per data version by the page (decision 020). */
export type ListCounts = { total: number; facets: Facets };

type FacetRow = { value: string; label: string; count: number };
type Row = {
  hits: { id: string; ogpId: string; sortKey: number | string | null }[];
  total: number;
  member: (FacetRow & { kind: string; iso_alpha2: string | null })[];
  kind: FacetRow[]; area: FacetRow[]; lead: FacetRow[]; irm: FacetRow[]; milestone: FacetRow[]; year: FacetRow[];
};

/** Lead institutions offered: the most frequent ones (a member may have hundreds), and always the selected ones. */
const LEAD_FACET_SIZE = 25;
/**
 * Members offered: the ones with the most commitments (OGP has some 150 members: the facet stays bounded if that
 * grows), and always the selected ones.
 */
export const MEMBER_FACET_SIZE = 300;

/** The facets counted, by their names in commitment_facet_counts (migration 009). */
type CountedFacet = 'member' | 'kind' | 'area' | 'lead' | 'irm' | 'milestone';

/**
 * The ids of the selected lead institutions (`member:institution`): they are in the facet with their names and
 * counts even outside the most frequent ones, or with no commitment left (count 0). Looked up by the unique index
 * on (member, slug): none selected, no institution is read. A former name leads to the institution it was merged into.
 */
const selectedLeads = (leads: string[]) => {
  const pairs = leads.map((lead) => lead.split(':'));
  return sql`select coalesce(i.merged_into_id, i.id) as id from ${unnest('s', [['member', 'text', pairs.map(([member]) => member)], ['institution', 'text', pairs.map(([, institution]) => institution)]])}
    join members m on m.slug = s.member join institutions i on coalesce(i.member_id, 0) = m.id and i.slug = s.institution`;
};

/** A facet as a JSON array of its rows (`rows`), in the given order of `x`. */
const facet = (rows: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
  sql`(select coalesce(json_agg(x order by ${order}), '[]') from (${rows}) x)`;

/**
 * Everything the list page shows but the items' texts, in one statement (decision 019): the ids of one page, the
 * number of matches and the seven facets. The search's matches are found once (`matched`), and the commitments
 * that pass every filter once (`everything`): the page, the count and the facets of every dimension without a
 * filter of its own read that set. A dimension with a filter counts over the commitments that pass the *other*
 * filters, through the indexes of those filters, or, when no other filter applies, from the whole list's counts
 * that migration 009 keeps in commitment_facet_counts (but for the years: see `counts`).
 * The page's ids are ordered by the OGP id that breaks ties where the set holds it (`pageInOrder`).
 * With `kept`, the count and facets of this filter state that another page made (decision 020), the statement makes
 * only the page's ids.
 */
export async function findCommitmentListPage(db: Db, filters: CommitmentFilters, locale: string,
  position: { offset: number; limit: number }, kept?: Promise<ListCounts>): Promise<{ hits: Hit[] } & ListCounts> {
  const dimensions = activeDimensions(filters);
  const unfiltered = withoutSearch(filters);
  const { sort, ranked, key, direction } = listOrder(filters);
  const wholeList = dimensions.length === 0;
  const { head, everything, ordered, ogpIds } = wholeList ? inEverything(sql``, sql`commitment_facets f`)
    : sets(filters, dimensions.length === 1 && filters.q !== undefined, sort, ranked, kept !== undefined);
  /** The commitments a facet is counted over, as alias `f`: those that pass every filter but `except`. */
  const countedOver = (except: FilterDimension | undefined) => (except !== undefined && dimensions.includes(except)
    ? sql`${filters.q ? sql`base` : sql`commitment_facets`} f where ${filterConditions(unfiltered, except)}` : everything);
  /**
   * `(value, count int)` of one facet: `value` is its value in commitment_facets, counted over the commitments that
   * pass every filter but `except` (the facet's own; the IRM facet's indicators, each a filter of its own, are
   * counted apart: `irmCounts`). Kept counts name a value as text, counted ones as stored (grouping ids and codes
   * before turning them into text took a quarter of a filtered list's statement), so readers cast an id or a code.
   */
  const counts = (facet: CountedFacet, value: RawBuilder<unknown>, except: FilterDimension | undefined = facet === 'irm' ? undefined : facet) => {
    if (dimensions.every((d) => d === except)) {
      return sql`select value, count from commitment_facet_counts where dimension = ${facet} and count > 0`;
    }
    return sql`select ${value} as value, count(*)::int as count from ${countedOver(except)} group by 1`;
  };
  /**
   * `(value text, count int)` of the years facet: every year a plan runs in, as the years filter selects, always
   * counted (no counts of years are kept, migration 013). The commitments are counted per (start, end) pair of their
   * plan, then each pair's count is added to each of its years: the whole list's ~50 pairs are read from the years
   * index alone, where a row per commitment and year (~175,000) took ~45 ms to group.
   */
  const yearCounts = () => sql`select (generate_series(p.start_year, p.end_year))::text as value, sum(p.count)::int as count
    from (select f.plan_start_year as start_year, f.plan_end_year as end_year, count(*) as count from ${countedOver('years')} group by 1, 2) p
    group by 1`;
  /**
   * The IRM facet's counts. The values of an indicator with values picked are counted without that indicator's
   * picks (one count per such indicator); the other indicators' over the commitments that pass every filter, all of
   * them in one count: nothing picked, one count as for any facet. (The facet adds the picked values at 0, so one
   * no commitment has left is still labelled as a rating.)
   */
  const irmCounts = () => {
    const picked = irmPicks(filters);
    /** Counted by code (migration 023), then named: `indicator:value`. */
    const named = (except?: FilterDimension) => sql`select r.rating as value, k.count
      from (${counts('irm', sql`unnest(f.irm_ratings)`, except)}) k join irm_rating_codes r on r.code = k.value::smallint`;
    const indicator = sql`split_part(k.value, ':', 1)`;
    const rest = picked.length === 0 ? named()
      : sql`select k.value, k.count from (${named()}) k where ${indicator} <> all(${picked.map((p) => p.indicator)}::text[])`;
    return sql.join([rest, ...picked.map((p) => sql`select k.value, k.count from (${named(p.dimension)}) k where ${indicator} = ${p.indicator}`)],
      sql` union all `);
  };
  /**
   * The page's ids from `rows` (alias `f`) in the list's order, `ogpId` breaking ties. The facets rows hold the OGP id
   * (migration 023): the whole list is read in order from an index, a filtered list sorts its rows alone. A search's
   * matches or ranks do not: their rows are looked up in `commitments` only from the last sort key the page needs (a
   * search ranks thousands of matches, a page shows twenty).
   */
  const pageInOrder = (rows: RawBuilder<unknown>, ogpId: RawBuilder<unknown>) => sql`select f.commitment_id as id, ${ogpId} as ogp_id,
      ${key} as sort_key from ${rows}
    order by ${key} ${sql.raw(direction)} nulls last, ${ogpId} limit ${position.limit} offset ${position.offset}`;
  const fromLastKey = sort === 'id' ? sql`` : sql`where ${key} ${sql.raw(direction === 'desc' ? '>=' : '<=')} coalesce((select ${key} from ${ordered}
    order by ${key} ${sql.raw(direction)} offset ${position.offset + position.limit - 1} limit 1), ${key})`;
  const page = ogpIds ? pageInOrder(ordered, sql`f.ogp_id`)
    : pageInOrder(sql`${ordered} join commitments c on c.id = f.commitment_id ${fromLastKey}`, sql`c.ogp_id`);
  const hits = sql`(select coalesce(json_agg(json_build_object('id', h.id::text, 'ogpId', h.ogp_id, 'sortKey', h.sort_key)
          order by h.sort_key ${sql.raw(direction)} nulls last, h.ogp_id), '[]') from (${page}) h)`;
  if (kept) {
    const [result, counts] = await Promise.all([sql<Pick<Row, 'hits'>>`${head} select ${hits} as hits`.execute(db), kept]);
    return { hits: hitsOf(result.rows[0]!), ...counts };
  }
  const result = await sql<Row>`
    ${head}
    select
      ${hits} as hits,
      ${wholeList
        ? sql`(select coalesce(sum(count), 0)::int from commitment_facet_counts where dimension = 'kind')`
        : sql`(select count(*)::int from ${everything})`} as total,
      ${facet(sql`select value, label, kind, iso_alpha2, count from (
          select m.slug as value, m.name as label, m.kind, m.iso_alpha2, coalesce(y.count, 0) as count, s.id is not null as selected,
            row_number() over (order by y.count desc nulls last, m.name) as n
          from (select k.value::bigint as id, k.count from (${counts('member', sql`f.member_id`)}) k) y
          full join (select id from members where slug = any(${filters.member})) s on s.id = y.id
          join members m on m.id = coalesce(y.id, s.id)) z
        where n <= ${MEMBER_FACET_SIZE} or selected`, sql`x.count desc, x.label`)} as member,
      ${facet(sql`select k.value, k.value as label, k.count from (${counts('kind', sql`f.member_kind`)}) k`,
        sql`x.count desc, x.value`)} as kind,
      ${facet(sql`select k.value, coalesce(l.label, en.label, k.value) as label, k.count from (${counts('area', sql`unnest(f.policy_areas)`)}) k
        left join policy_area_labels l on l.policy_area_key = k.value and l.locale = ${locale}
        left join policy_area_labels en on en.policy_area_key = k.value and en.locale = 'en'`, sql`x.count desc, x.label`)} as area,
      ${facet(sql`select m.slug || ':' || i.slug as value, i.name as label, coalesce(y.count, 0) as count from (
          select k.value::bigint as id, k.count, row_number() over (order by k.count desc, k.value::text) as n -- ties as the kept counts order them
          from (${counts('lead', sql`unnest(f.lead_institutions)`)}) k) y
        full join (${selectedLeads(filters.lead)}) s on s.id = y.id
        join institutions i on i.id = coalesce(y.id, s.id) join members m on m.id = i.member_id
        where y.n <= ${LEAD_FACET_SIZE} or s.id is not null`, sql`x.count desc, x.label`)} as lead,
      ${facet(sql`select k.value, k.value as label, max(k.count) as count
        from (${irmCounts()} union all select unnest(${filters.irm}::text[]), 0) k
        where split_part(k.value, ':', 1) = any(${IRM_FACET_INDICATORS}) or k.value = any(${filters.irm})
        group by k.value`, sql`x.value`)} as irm,
      ${facet(sql`select k.value, k.value as label, k.count from (${counts('milestone', sql`unnest(f.milestone_statuses)`)}) k`,
        sql`x.value`)} as milestone,
      ${facet(sql`select k.value, k.value as label, k.count from (${yearCounts()}) k`,
        sql`x.value::int desc`)} as year`.execute(db);
  const row = result.rows[0]!;
  return { hits: hitsOf(row), total: row.total, facets: {
    member: row.member.map((r) => ({ value: r.value, label: r.label, count: r.count, kind: r.kind, isoAlpha2: r.iso_alpha2 })),
    kind: row.kind,
    area: row.area,
    lead: row.lead,
    irm: row.irm,
    milestone: row.milestone,
    year: row.year,
  } };
}

/** `ogpIds`: whether `ordered` holds the OGP id (the columns of commitment_facets), or it is read from `commitments`. */
type Sets = { head: RawBuilder<unknown>; everything: RawBuilder<unknown>; ordered: RawBuilder<unknown>; ogpIds: boolean };
/** A `with` clause whose `everything` (facets rows) is also what the page is ordered from. */
const inEverything = (head: RawBuilder<unknown>, everything = sql`everything f`): Sets => ({ head, everything, ordered: everything, ogpIds: true });

/**
 * The `with` clause of a list with a filter or a search: `everything` (alias `f`), the commitments that pass every
 * filter, for the count and the facets; `ordered` (alias `f`), the same commitments with the sort key (`rank` when
 * ranked) for the page's ids; `base`, a search's matches' facets rows, for the counts of filtered dimensions.
 * The page's ids alone (`idsOnly`: count and facets kept) need only the columns they are filtered and ordered by; a
 * search by relevance or by id without other filters needs no facets row at all. A search alone is ranked in the
 * scan of the matching texts that finds them (`matchedSearch`); a search with other filters ranks only the
 * commitments that pass them: the scan notes each matching text's row address (`ctid`, fixed for the statement's
 * snapshot) and those of the commitments that pass are read again by it (the same texts, so the same ranks; an index
 * lookup and a second `@@` per text cost as much as ranking every match when the filters keep most of them).
 */
function sets(filters: CommitmentFilters, onlySearch: boolean, sort: Sort, ranked: boolean, idsOnly: boolean): Sets {
  const conditions = filterConditions(withoutSearch(filters));
  const columns = idsOnly ? sql`f.commitment_id, f.plan_start_year, f.ogp_id` : sql`f.*`;
  if (!filters.q) return inEverything(sql`with everything as materialized (select ${columns} from commitment_facets f where ${conditions})`);
  // The matches' facets rows, read by one scan of the primary key for all their ids rather than a lookup per match.
  const matchedRows = sql`commitment_facets f where f.commitment_id = any(array(select commitment_id from matched))`;
  if (onlySearch) {
    const matched = sql`with ${matchedSearch(filters.q, ranked)}`;
    // By relevance (the matches are ranked) or by id, the matches alone are what the page is ordered from.
    const ordered = sort === 'relevance' || sort === 'id' ? sql`matched f` : undefined;
    if (!idsOnly) {
      return { head: sql`${matched}, base as materialized (select f.* from ${matchedRows})`, everything: sql`base f`, ordered: ordered ?? sql`base f`, ogpIds: !ordered };
    }
    if (ordered) return { head: matched, everything: ordered, ordered, ogpIds: false };
    return inEverything(sql`${matched}, everything as materialized (select ${columns} from ${matchedRows})`);
  }
  // Ranked with other filters, the matching texts' addresses are kept, to rank those of the commitments that pass.
  const matched = ranked
    ? sql`with matched_texts as materialized (select t.commitment_id, t.ctid as tid from commitment_texts t where ${textMatches(filters.q)}),
        matched as materialized (select distinct commitment_id from matched_texts)`
    : sql`with ${matchedSearch(filters.q, false)}`;
  const withBase = idsOnly ? matched : sql`${matched}, base as materialized (select f.* from ${matchedRows})`;
  const passing = idsOnly ? sql`select ${columns} from ${matchedRows} and ${conditions}` : sql`select f.* from base f where ${conditions}`;
  if (!ranked) return inEverything(sql`${withBase}, everything as materialized (${passing})`);
  // The page is ordered by rank alone: `ranks` holds all it needs, no join back to `everything`.
  return {
    head: sql`${withBase}, everything as materialized (${passing}),
      ranks as materialized (select t.commitment_id, max(${searchRank(filters.q)})::float8 as rank
        from commitment_texts t where t.ctid = any(array(
          select m.tid from matched_texts m where m.commitment_id in (select commitment_id from everything)))
        group by t.commitment_id)`,
    everything: sql`everything f`,
    ordered: sql`ranks f`,
    ogpIds: false,
  };
}

const hitsOf = (row: Pick<Row, 'hits'>): Hit[] =>
  row.hits.map((h) => ({ id: h.id, ogpId: h.ogpId, sortKey: h.sortKey === null ? null : Number(h.sortKey) }));

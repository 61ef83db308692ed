import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CommitmentFilters } from './commitment-filters.ts';
import { filterConditions } from './commitment-list.queries.ts';

/**
 * Counts beside each filter value. Each dimension counts over the commitments that match every *other* filter,
 * so picking one member still shows how many commitments the other members have. One query per dimension,
 * run concurrently, each a scan of the narrow `commitment_facets` table.
 */
export type FacetValue = { value: string; label: string; count: number };
export type Facets = {
  member: (FacetValue & { kind: string; isoAlpha2: string | null })[];
  kind: FacetValue[];
  area: FacetValue[];
  lead: FacetValue[];
  irm: FacetValue[];
  milestone: FacetValue[];
  startYear: FacetValue[];
};

/** Indicators offered as filters: the ones people compare commitments by. */
export const IRM_FACET_INDICATORS = ['completion', 'potential_for_results', 'potential_impact', 'did_it_open_government', 'early_results'];

export async function findFacets(db: Db, filters: CommitmentFilters, locale: string): Promise<Facets> {
  const [member, kind, area, lead, irm, milestone, startYear] = await Promise.all([
    sql<{ value: string; label: string; count: number; kind: string; iso_alpha2: string | null }>`
      select m.slug as value, m.name as label, m.kind, m.iso_alpha2, count(*)::int as count
      from commitment_facets f join members m on m.id = f.member_id
      where ${filterConditions(filters, 'member')} group by m.id order by count desc, m.name limit 300`.execute(db),
    sql<FacetValue>`select f.member_kind as value, f.member_kind as label, count(*)::int as count
      from commitment_facets f where ${filterConditions(filters, 'kind')} group by f.member_kind order by count desc`.execute(db),
    sql<FacetValue>`select a.key as value, coalesce(l.label, en.label, a.key) as label, a.count from (
        select unnest(f.policy_areas) as key, count(*)::int as count
        from commitment_facets f where ${filterConditions(filters, 'area')} group by 1) a
      left join policy_area_labels l on l.policy_area_key = a.key and l.locale = ${locale}
      left join policy_area_labels en on en.policy_area_key = a.key and en.locale = 'en'
      order by a.count desc, label`.execute(db),
    sql<FacetValue>`select m.slug || ':' || i.slug as value, i.name as label, x.count from (
        select unnest(f.lead_institutions) as id, count(*)::int as count
        from commitment_facets f where ${filterConditions(filters, 'lead')} group by 1 order by 2 desc limit 25) x
      join institutions i on i.id = x.id join members m on m.id = i.member_id
      order by x.count desc, i.name`.execute(db),
    sql<FacetValue>`select r.value, r.value as label, r.count from (
        select unnest(f.irm_ratings) as value, count(*)::int as count
        from commitment_facets f where ${filterConditions(filters, 'irm')} group by 1) r
      where split_part(r.value, ':', 1) = any(${IRM_FACET_INDICATORS}) order by r.value`.execute(db),
    sql<FacetValue>`select s.value, s.value as label, s.count from (
        select unnest(f.milestone_statuses) as value, count(*)::int as count
        from commitment_facets f where ${filterConditions(filters, 'milestone')} group by 1) s order by s.value`.execute(db),
    sql<FacetValue>`select f.plan_start_year::text as value, f.plan_start_year::text as label, count(*)::int as count
      from commitment_facets f where ${filterConditions(filters, 'years')} group by f.plan_start_year order by f.plan_start_year desc`.execute(db),
  ]);
  return {
    member: member.rows.map((r) => ({ value: r.value, label: r.label, count: r.count, kind: r.kind, isoAlpha2: r.iso_alpha2 })),
    kind: kind.rows,
    area: area.rows,
    lead: lead.rows,
    irm: irm.rows,
    milestone: milestone.rows,
    startYear: startYear.rows,
  };
}

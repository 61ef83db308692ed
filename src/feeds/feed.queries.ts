import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CommitmentFilters } from '../commitments/commitment-filters.ts';
import { filterConditions } from '../commitments/commitment-list.queries.ts';
import { institutionNames, titleInLocale } from '../commitments/commitment-sql.ts';

export type FeedItem = {
  ogpId: string;
  title: string;
  titleLocale: string;
  createdAt: Date;
  updatedAt: Date;
  member: { slug: string; name: string; kind: string; isoAlpha2: string | null };
  actionPlan: { number: number; startYear: number; endYear: number };
  leadInstitutions: string[];
  policyAreas: { key: string; label: string }[];
};

/**
 * The most recently created or changed commitments matching the list filters, newest first (by `updated_at`, which
 * every save sets), in one query: titles in the wanted language when they exist, policy-area labels in it too.
 */
export async function findFeedItems(db: Db, filters: CommitmentFilters, locale: string, limit: number): Promise<FeedItem[]> {
  const result = await sql<{
    ogp_id: string; title: string; locale: string; created_at: Date; updated_at: Date; member_slug: string;
    member_name: string; member_kind: string; iso_alpha2: string | null; number: number; start_year: number; end_year: number;
    lead: string[]; areas: { key: string; label: string }[];
  }>`
    select c.ogp_id, t.title, t.locale, c.created_at, c.updated_at, m.slug as member_slug, m.name as member_name,
      m.kind as member_kind, m.iso_alpha2, p.number, p.start_year, p.end_year,
      ${institutionNames('lead')} as lead,
      coalesce((select json_agg(json_build_object('key', a.key, 'label', coalesce(l.label, en.label, a.key)) order by pa.position)
                from unnest(f.policy_areas) as a(key) join policy_areas pa on pa.key = a.key
                left join policy_area_labels l on l.policy_area_key = a.key and l.locale = ${locale}
                left join policy_area_labels en on en.policy_area_key = a.key and en.locale = 'en'), '[]') as areas
    from commitment_facets f
    join commitments c on c.id = f.commitment_id
    join action_plans p on p.id = c.action_plan_id
    join members m on m.id = p.member_id
    ${titleInLocale(locale)}
    where ${filterConditions(filters)}
    order by c.updated_at desc, c.ogp_id
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({
    ogpId: r.ogp_id,
    title: r.title,
    titleLocale: r.locale,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    member: { slug: r.member_slug, name: r.member_name, kind: r.member_kind, isoAlpha2: r.iso_alpha2 },
    actionPlan: { number: r.number, startYear: r.start_year, endYear: r.end_year },
    leadInstitutions: r.lead,
    policyAreas: r.areas,
  }));
}

/** A policy area's label in the wanted language (English when it has none), or undefined for an unknown key. */
export async function findPolicyAreaLabel(db: Db, key: string, locale: string): Promise<string | undefined> {
  const row = await sql<{ label: string }>`
    select coalesce(l.label, en.label, pa.key) as label from policy_areas pa
    left join policy_area_labels l on l.policy_area_key = pa.key and l.locale = ${locale}
    left join policy_area_labels en on en.policy_area_key = pa.key and en.locale = 'en'
    where pa.key = ${key}`.execute(db);
  return row.rows[0]?.label;
}

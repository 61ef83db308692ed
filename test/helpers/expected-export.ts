import type { Db } from '../../src/db/connect.ts';
import { IRM_INDICATOR_KEYS, IRM_REPORTS } from '../../src/irm/indicators.ts';

/**
 * What a download row must say about a commitment, read from the tables directly (one small query per fact, not
 * the export's own query), so that a round trip compares the files with the database and not with themselves.
 */
export type Expected = Record<string, string | number | string[] | null>;

export async function expectedExportRow(db: Db, ogpId: string, locale: string): Promise<Expected> {
  const c = await db.selectFrom('commitments as c').innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['c.id', 'c.ogp_id', 'c.number_in_plan', 'c.number_label', 'c.source_locale', 'c.updated_at', 'm.name', 'm.code', 'p.number', 'p.start_year', 'p.end_year'])
    .where('c.ogp_id', '=', ogpId).executeTakeFirstOrThrow();
  const texts = await db.selectFrom('commitment_texts').select(['locale', 'title']).where('commitment_id', '=', c.id).execute();
  const title = texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === c.source_locale)!;
  const institutions = await db.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .select(['i.name', 'ci.role']).where('ci.commitment_id', '=', c.id).orderBy('ci.position').execute();
  const areas = await db.selectFrom('commitment_policy_areas').select('policy_area_key').where('commitment_id', '=', c.id).execute();
  const milestones = await db.selectFrom('milestones').select('id').where('commitment_id', '=', c.id).execute();
  const ratings = await db.selectFrom('irm_ratings as r').innerJoin('irm_reviews as v', 'v.id', 'r.irm_review_id')
    .select(['v.report', 'r.indicator', 'r.state', 'r.value']).where('v.commitment_id', '=', c.id).execute();
  // The latest report that mentions an indicator wins.
  const latest = (indicator: string) => ratings.filter((r) => r.indicator === indicator)
    .sort((a, b) => IRM_REPORTS.indexOf(b.report as never) - IRM_REPORTS.indexOf(a.report as never))
    .map((r) => r.value ?? r.state)[0] ?? null;
  return {
    ogp_id: c.ogp_id,
    member: c.name,
    member_code: c.code,
    action_plan_number: c.number,
    start_year: c.start_year,
    end_year: c.end_year,
    number_in_plan: c.number_in_plan,
    number_label: c.number_label,
    title: title.title,
    title_locale: title.locale,
    source_locale: c.source_locale,
    lead_institutions: institutions.filter((i) => i.role === 'lead').map((i) => i.name),
    supporting_institutions: institutions.filter((i) => i.role === 'supporting').map((i) => i.name),
    policy_areas: areas.map((a) => a.policy_area_key).sort(),
    milestone_count: milestones.length,
    ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => [`irm_${indicator}`, latest(indicator)])),
    updated_at: c.updated_at.toISOString(),
  };
}

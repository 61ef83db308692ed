import type { Db } from '../db/connect.ts';
import { IRM_INDICATOR_KEYS, type IrmIndicator, type IrmMethod, type IrmReport, type RatingState } from '../irm/indicators.ts';
import { ambition, starred, type RatingValues } from '../irm/derived.ts';
import { ogpPlanId, type CommitmentDetail, type InstitutionRef, type PartialDateView } from './commitment-detail.ts';

/**
 * Reads one commitment with everything around it: one query per section, run concurrently.
 * Policy-area labels come in the wanted interface language, falling back to English.
 */
export async function findCommitmentDetail(db: Db, ogpId: string, labelLocale: string): Promise<CommitmentDetail | undefined> {
  const head = await db.selectFrom('commitments as c')
    .innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .leftJoin('commitments as prev', 'prev.id', 'c.carried_over_from_id')
    .select([
      'c.id', 'c.ogp_id', 'c.number_in_plan', 'c.status', 'c.source_locale', 'c.updated_at', 'prev.ogp_id as carried_over_from',
      'm.slug as member_slug', 'm.name as member_name', 'm.kind as member_kind', 'm.ogp_prefix', 'm.iso_alpha2', 'm.code',
      'p.number as plan_number', 'p.submission_year', 'p.start_year', 'p.end_year',
    ])
    .where('c.ogp_id', '=', ogpId)
    .executeTakeFirst();
  if (!head) return undefined;

  const [texts, institutions, policyAreas, milestones, irmReviews] = await Promise.all([
    db.selectFrom('commitment_texts').select(['locale', 'title', 'description', 'objectives', 'status_quo', 'ambition'])
      .where('commitment_id', '=', head.id).execute(),
    db.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
      .select(['i.slug', 'i.name', 'i.kind', 'ci.role', 'ci.actor_group'])
      .where('ci.commitment_id', '=', head.id).orderBy('ci.position').execute(),
    findPolicyAreas(db, head.id, labelLocale),
    findMilestones(db, head.id),
    findIrmReviews(db, head.id),
  ]);

  const ref = (i: { slug: string; name: string; kind: string }): InstitutionRef => ({ slug: i.slug, name: i.name, kind: i.kind });
  return {
    ogpId: head.ogp_id,
    numberInPlan: head.number_in_plan,
    status: head.status as CommitmentDetail['status'],
    sourceLocale: head.source_locale,
    carriedOverFrom: head.carried_over_from,
    member: {
      slug: head.member_slug, name: head.member_name, kind: head.member_kind, ogpPrefix: head.ogp_prefix,
      isoAlpha2: head.iso_alpha2, code: head.code,
    },
    actionPlan: {
      number: head.plan_number, ogpPlanId: ogpPlanId(head.code, head.plan_number),
      submissionYear: head.submission_year, startYear: head.start_year, endYear: head.end_year,
    },
    texts: Object.fromEntries(texts.map((t) => [t.locale, {
      title: t.title, description: t.description, objectives: t.objectives, statusQuo: t.status_quo, ambition: t.ambition,
    }])),
    leadInstitutions: institutions.filter((i) => i.role === 'lead').map(ref),
    supportingInstitutions: {
      government: institutions.filter((i) => i.actor_group === 'government').map(ref),
      other: institutions.filter((i) => i.actor_group === 'other').map(ref),
    },
    policyAreas,
    milestones,
    irmReviews,
    updatedAt: head.updated_at.toISOString(),
  };
}

function findPolicyAreas(db: Db, commitmentId: string, locale: string) {
  return db.selectFrom('commitment_policy_areas as cpa')
    .innerJoin('policy_areas as pa', 'pa.key', 'cpa.policy_area_key')
    .leftJoin('policy_area_labels as wanted', (j) => j.onRef('wanted.policy_area_key', '=', 'pa.key').on('wanted.locale', '=', locale))
    .leftJoin('policy_area_labels as en', (j) => j.onRef('en.policy_area_key', '=', 'pa.key').on('en.locale', '=', 'en'))
    .select((eb) => ['pa.key', eb.fn.coalesce('wanted.label', 'en.label', 'pa.key').as('label')])
    .where('cpa.commitment_id', '=', commitmentId)
    .orderBy('pa.position')
    .execute();
}

async function findMilestones(db: Db, commitmentId: string): Promise<CommitmentDetail['milestones']> {
  const rows = await db.selectFrom('milestones as m')
    .leftJoin('milestone_texts as t', 't.milestone_id', 'm.id')
    .select(['m.id', 'm.number', 'm.declared_status', 'm.start_date', 'm.start_precision', 'm.start_raw',
      'm.end_date', 'm.end_precision', 'm.end_raw', 't.locale', 't.text'])
    .where('m.commitment_id', '=', commitmentId)
    .orderBy('m.number')
    .execute();
  const byId = new Map<string, CommitmentDetail['milestones'][number]>();
  for (const row of rows) {
    let milestone = byId.get(row.id);
    if (!milestone) {
      milestone = {
        number: row.number,
        declaredStatus: row.declared_status as 'new' | 'ongoing' | null,
        start: partialDate(row.start_date, row.start_precision, row.start_raw),
        end: partialDate(row.end_date, row.end_precision, row.end_raw),
        texts: {},
      };
      byId.set(row.id, milestone);
    }
    if (row.locale && row.text) milestone.texts[row.locale] = row.text;
  }
  return [...byId.values()];
}

function partialDate(date: string | null, precision: string | null, raw: string | null): PartialDateView | null {
  return date && precision ? { date, precision: precision as PartialDateView['precision'], raw } : null;
}

const REPORT_ORDER: IrmReport[] = ['design', 'progress', 'end_of_term', 'action_plan_review', 'results'];

async function findIrmReviews(db: Db, commitmentId: string): Promise<CommitmentDetail['irmReviews']> {
  const reviews = await db.selectFrom('irm_reviews').selectAll().where('commitment_id', '=', commitmentId).execute();
  if (reviews.length === 0) return [];
  const ids = reviews.map((r) => r.id);
  const [texts, ratings] = await Promise.all([
    db.selectFrom('irm_review_texts').selectAll().where('irm_review_id', 'in', ids).execute(),
    db.selectFrom('irm_ratings').selectAll().where('irm_review_id', 'in', ids).execute(),
  ]);
  return reviews
    .sort((a, b) => REPORT_ORDER.indexOf(a.report as IrmReport) - REPORT_ORDER.indexOf(b.report as IrmReport))
    .map((review) => {
      const own = ratings.filter((r) => r.irm_review_id === review.id).map((r) => ({
        indicator: r.indicator as IrmIndicator, state: r.state as RatingState, value: r.value,
      })).sort((a, b) => IRM_INDICATOR_KEYS.indexOf(a.indicator) - IRM_INDICATOR_KEYS.indexOf(b.indicator));
      const values: RatingValues = Object.fromEntries(own.filter((r) => r.value).map((r) => [r.indicator, r.value]));
      return {
        method: review.method as IrmMethod,
        report: review.report as IrmReport,
        publishedOn: review.published_on,
        irmNumber: review.irm_number,
        sourceLocale: review.source_locale,
        texts: Object.fromEntries(texts.filter((t) => t.irm_review_id === review.id)
          .map((t) => [t.locale, { irmTitle: t.irm_title, narrative: t.narrative }])),
        ratings: own,
        derived: { ambition: ambition(values) ?? null, starred: starred(values) ?? null },
      };
    });
}

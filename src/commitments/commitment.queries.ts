import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/connect.ts';
import { IRM_INDICATOR_KEYS, type IrmIndicator, type IrmMethod, type IrmReport, type RatingState } from '../irm/indicators.ts';
import { ambition, starred, type RatingValues } from '../irm/derived.ts';
import { ogpPlanId, type CommitmentDetail, type DateAsWrittenView, type InstitutionRef, type PartialDateView } from './commitment-detail.ts';

/**
 * Reads one commitment with everything around it in two queries: the head (which also says which version of the
 * page it is), then every section. Policy-area labels come in the wanted interface language, falling back to English.
 */
export async function findCommitmentDetail(db: Db, ogpId: string, labelLocale: string): Promise<CommitmentDetail | undefined> {
  const head = await findCommitmentHead(db, ogpId);
  return head && (await findCommitmentSections(db, head, labelLocale)).detail;
}

export type CommitmentHead = NonNullable<Awaited<ReturnType<typeof findCommitmentHead>>>;

/**
 * The commitment's own row, its plan and member, and `version`: it changes whenever anything the commitment page
 * shows changes (decision 017). Every writer of a commitment's texts, links, milestones or IRM reviews marks the
 * commitment changed (`updated_at`: the importers' upsert, `touchCommitment` in commands); members, plans and
 * institutions have their own `updated_at`; the last history entry catches a command that records a change without
 * touching the commitment; the count and last change of the publications linked to it, its "Guidance and stories"
 * (each publication command marks the publication changed; a link removed lowers the count). The commitment's own
 * dates, number label and texts (full text included) are saved with its row's `updated_at` (an import writes them
 * only through the upsert that sets it; commands touch it), so they need no term of their own. Policy-area labels
 * and interface texts change only with a release (the build version).
 */
export function findCommitmentHead(db: Db, ogpId: string) {
  return db.selectFrom('commitments as c')
    .innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .leftJoin('commitments as prev', 'prev.id', 'c.carried_over_from_id')
    .select([
      'c.id', 'c.ogp_id', 'c.number_in_plan', 'c.number_label', 'c.status', 'c.source_locale', 'c.updated_at', 'prev.ogp_id as carried_over_from',
      'c.start_date', 'c.start_precision', 'c.start_raw', 'c.end_date', 'c.end_precision', 'c.end_raw',
      'm.slug as member_slug', 'm.name as member_name', 'm.kind as member_kind', 'm.ogp_prefix', 'm.iso_alpha2', 'm.code',
      'p.number as plan_number', 'p.submission_year', 'p.start_year', 'p.end_year',
      // As text: microseconds kept, so two changes within one millisecond still differ.
      sql<string>`concat_ws(' ', greatest(c.updated_at, p.updated_at, m.updated_at, (
        select max(i.updated_at) from commitment_institutions ci join institutions i on i.id = ci.institution_id
        where ci.commitment_id = c.id))::text,
        (select max(ch.id) from changes ch where ch.commitment_id = c.id),
        (select count(*) || ':' || coalesce(max(pub.updated_at)::text, '') from publication_commitments pc
          join publications pub on pub.id = pc.publication_id where pc.commitment_id = c.id))`.as('version'),
    ])
    .where('c.ogp_id', '=', ogpId)
    .executeTakeFirst();
}

/**
 * Everything below the head in one query (one JSON array per section), and the end dates first planned for
 * re-planned milestones (by number; decision 012). Each round trip to the database costs more than the SQL here.
 */
export async function findCommitmentSections(db: Db, head: CommitmentHead, labelLocale: string): Promise<{
  detail: CommitmentDetail; plannedEnds: Map<number, { date: string; precision: string }>;
}> {
  const sections = await db.selectNoFrom((eb) => [
    jsonArrayFrom(eb.selectFrom('commitment_texts').select(['locale', 'title', 'description', 'objectives', 'status_quo', 'ambition', 'full_text'])
      .where('commitment_id', '=', head.id)).as('texts'),
    jsonArrayFrom(eb.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
      .select(['i.slug', 'i.name', 'i.kind', 'ci.role', 'ci.actor_group'])
      .where('ci.commitment_id', '=', head.id).orderBy('ci.position')).as('institutions'),
    jsonArrayFrom(eb.selectFrom('commitment_policy_areas as cpa')
      .innerJoin('policy_areas as pa', 'pa.key', 'cpa.policy_area_key')
      .leftJoin('policy_area_labels as wanted', (j) => j.onRef('wanted.policy_area_key', '=', 'pa.key').on('wanted.locale', '=', labelLocale))
      .leftJoin('policy_area_labels as en', (j) => j.onRef('en.policy_area_key', '=', 'pa.key').on('en.locale', '=', 'en'))
      .select((inner) => ['pa.key', inner.fn.coalesce('wanted.label', 'en.label', 'pa.key').as('label')])
      .where('cpa.commitment_id', '=', head.id)
      .orderBy('pa.position')).as('policyAreas'),
    jsonArrayFrom(eb.selectFrom('milestones as m')
      .select((inner) => ['m.number', 'm.declared_status', 'm.start_date', 'm.start_precision', 'm.start_raw',
        'm.end_date', 'm.end_precision', 'm.end_raw', 'm.planned_end_date', 'm.planned_end_precision',
        jsonArrayFrom(inner.selectFrom('milestone_texts as t').select(['t.locale', 't.text']).whereRef('t.milestone_id', '=', 'm.id')).as('texts'),
      ])
      .where('m.commitment_id', '=', head.id)
      .orderBy('m.number')).as('milestones'),
    jsonArrayFrom(eb.selectFrom('irm_reviews as r')
      .select((inner) => ['r.method', 'r.report', 'r.published_on', 'r.irm_number', 'r.source_locale',
        jsonArrayFrom(inner.selectFrom('irm_review_texts as t').select(['t.locale', 't.irm_title', 't.narrative'])
          .whereRef('t.irm_review_id', '=', 'r.id')).as('texts'),
        jsonArrayFrom(inner.selectFrom('irm_ratings as g').select(['g.indicator', 'g.state', 'g.value'])
          .whereRef('g.irm_review_id', '=', 'r.id')).as('ratings'),
      ])
      .where('r.commitment_id', '=', head.id)).as('irmReviews'),
  ]).executeTakeFirstOrThrow();

  const { texts, institutions, policyAreas } = sections;
  const ref = (i: { slug: string; name: string; kind: string }): InstitutionRef => ({ slug: i.slug, name: i.name, kind: i.kind });
  const detail: CommitmentDetail = {
    ogpId: head.ogp_id,
    numberInPlan: head.number_in_plan,
    numberLabel: head.number_label,
    start: dateAsWritten(head.start_date, head.start_precision, head.start_raw),
    end: dateAsWritten(head.end_date, head.end_precision, head.end_raw),
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
      fullText: t.full_text,
    }])),
    leadInstitutions: institutions.filter((i) => i.role === 'lead').map(ref),
    supportingInstitutions: {
      government: institutions.filter((i) => i.actor_group === 'government').map(ref),
      other: institutions.filter((i) => i.actor_group === 'other').map(ref),
    },
    policyAreas,
    milestones: sections.milestones.map((m) => ({
      number: m.number,
      declaredStatus: m.declared_status as 'new' | 'ongoing' | null,
      start: partialDate(m.start_date, m.start_precision, m.start_raw),
      end: partialDate(m.end_date, m.end_precision, m.end_raw),
      texts: Object.fromEntries(m.texts.map((t) => [t.locale, t.text])),
    })),
    irmReviews: irmReviews(sections.irmReviews),
    updatedAt: head.updated_at.toISOString(),
  };
  const plannedEnds = new Map(sections.milestones.flatMap((m) => (m.planned_end_date && m.planned_end_precision
    ? [[m.number, { date: m.planned_end_date, precision: m.planned_end_precision }] as const] : [])));
  return { detail, plannedEnds };
}

function partialDate(date: string | null, precision: string | null, raw: string | null): PartialDateView | null {
  return date && precision ? { date, precision: precision as PartialDateView['precision'], raw } : null;
}

/** A commitment's date: read, or only as the source wrote it when it could not be read (no date, never a guess). */
function dateAsWritten(date: string | null, precision: string | null, raw: string | null): DateAsWrittenView | null {
  return partialDate(date, precision, raw) ?? (raw === null ? null : { date: null, precision: null, raw });
}

const REPORT_ORDER: IrmReport[] = ['design', 'progress', 'end_of_term', 'action_plan_review', 'results'];

type IrmReviewRow = {
  method: string; report: string; published_on: string | null; irm_number: number | null; source_locale: string;
  texts: { locale: string; irm_title: string | null; narrative: string | null }[];
  ratings: { indicator: string; state: string; value: string | null }[];
};

function irmReviews(reviews: IrmReviewRow[]): CommitmentDetail['irmReviews'] {
  return reviews
    .sort((a, b) => REPORT_ORDER.indexOf(a.report as IrmReport) - REPORT_ORDER.indexOf(b.report as IrmReport))
    .map((review) => {
      const own = review.ratings.map((r) => ({
        indicator: r.indicator as IrmIndicator, state: r.state as RatingState, value: r.value,
      })).sort((a, b) => IRM_INDICATOR_KEYS.indexOf(a.indicator) - IRM_INDICATOR_KEYS.indexOf(b.indicator));
      const values: RatingValues = Object.fromEntries(own.filter((r) => r.value).map((r) => [r.indicator, r.value]));
      return {
        method: review.method as IrmMethod,
        report: review.report as IrmReport,
        publishedOn: review.published_on,
        irmNumber: review.irm_number,
        sourceLocale: review.source_locale,
        texts: Object.fromEntries(review.texts.map((t) => [t.locale, { irmTitle: t.irm_title, narrative: t.narrative }])),
        ratings: own,
        derived: { ambition: ambition(values) ?? null, starred: starred(values) ?? null },
      };
    });
}

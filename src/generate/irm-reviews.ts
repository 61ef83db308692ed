import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import type { IrmIndicator, IrmMethod, IrmReport } from '../irm/indicators.ts';
import type { Random } from './random.ts';
import type { PlanOutline } from './members.ts';
import type { Language } from './word-lists.ts';

/**
 * IRM reviews as the IRM publishes them: the 2012 method (progress and end-of-term reports) for plans that started
 * before 2019, the 2020 method (action plan review, results report) after, both around 2019-2020; values drawn
 * from distributions close to OGP's dataset, with its sentinels: no data (ND), not reviewed ("Pending IRM Review")
 * and not applicable (NA).
 */
type Review = CommitmentRecordInput['irmReviews'][number];
type Rating = Review['ratings'][number];

/** The last year with published IRM reports in the data set. */
const LAST_REPORT_YEAR = 2024;

const DISTRIBUTIONS: Partial<Record<IrmIndicator, Record<string, number>>> = {
  specificity: { none: 3, low: 30, medium: 45, high: 22 },
  relevance_access_to_information: { yes: 55, no: 45 },
  relevance_civic_participation: { yes: 60, no: 40 },
  relevance_public_accountability: { yes: 35, no: 65 },
  relevance_technology: { yes: 30, no: 70 },
  potential_impact: { none: 7, minor: 43, moderate: 42, transformative: 8 },
  verifiable: { yes: 92, no: 8 },
  open_government_lens: { yes: 88, no: 12 },
  potential_for_results: { unclear: 30, modest: 55, substantial: 15 },
  change_in_completion: { increase: 55, no_change: 43, decrease: 2 },
  did_it_open_government: { did_not_change: 30, marginal: 48, major: 17, outstanding: 3, worsened: 1, no_early_results_yet: 1 },
  did_it_open_government_access_to_information: { not_applicable: 35, did_not_change: 20, marginal: 30, major: 13, outstanding: 2 },
  did_it_open_government_civic_participation: { not_applicable: 30, did_not_change: 22, marginal: 33, major: 13, outstanding: 2 },
  did_it_open_government_public_accountability: { not_applicable: 55, did_not_change: 15, marginal: 20, major: 9, outstanding: 1 },
  carried_forward: { yes: 40, no: 60 },
  early_results: { no_notable_results: 55, moderate: 33, significant: 10, outstanding: 2 },
};
const COMPLETION_MIDTERM = { not_started: 10, limited: 45, substantial: 30, complete: 15 };
const COMPLETION_FINAL = { not_started: 4, limited: 30, substantial: 33, complete: 30, no_evidence: 3 };

const INDICATORS_BY_REPORT: Record<IrmReport, IrmIndicator[]> = {
  design: ['specificity', 'relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability',
    'relevance_technology', 'potential_impact'],
  progress: ['specificity', 'relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability',
    'relevance_technology', 'potential_impact', 'completion'],
  end_of_term: ['completion', 'change_in_completion', 'did_it_open_government', 'did_it_open_government_access_to_information',
    'did_it_open_government_civic_participation', 'did_it_open_government_public_accountability', 'carried_forward'],
  action_plan_review: ['verifiable', 'open_government_lens', 'potential_for_results'],
  results: ['completion', 'early_results'],
};

const REVIEW_TITLE: Record<Language, (n: number, title: string) => string> = {
  en: (n, t) => `Commitment ${n}. ${t}`,
  fr: (n, t) => `Engagement ${n}. ${t}`,
  es: (n, t) => `Compromiso ${n}. ${t}`,
  sw: (n, t) => `Ahadi ${n}. ${t}`,
  pt: (n, t) => `Compromisso ${n}. ${t}`,
};

export function irmReviews(r: Random, plan: PlanOutline, context: {
  number: number; title: string; language: Language; withdrawn: boolean; narrative: () => string;
}): Review[] {
  const method: IrmMethod = plan.startYear <= 2018 ? 'irm_2012' : plan.startYear >= 2021 ? 'irm_2020' : r.pick(['irm_2012', 'irm_2020'] as const);
  const reports: { report: IrmReport; year: number; pending: boolean }[] = [];
  if (method === 'irm_2012') {
    if (plan.startYear + 1 <= LAST_REPORT_YEAR && r.chance(0.95)) reports.push({ report: 'progress', year: plan.startYear + 1, pending: false });
    if (plan.endYear + 1 <= LAST_REPORT_YEAR && r.chance(0.85)) reports.push({ report: 'end_of_term', year: plan.endYear + 1, pending: false });
  } else {
    if (r.chance(plan.startYear >= LAST_REPORT_YEAR ? 0.5 : 0.9)) {
      reports.push({ report: 'action_plan_review', year: plan.startYear, pending: plan.startYear >= LAST_REPORT_YEAR && r.chance(0.5) });
    }
    if (plan.endYear + 1 <= LAST_REPORT_YEAR && r.chance(0.75)) reports.push({ report: 'results', year: plan.endYear + 1, pending: false });
    else if (plan.endYear >= LAST_REPORT_YEAR && r.chance(0.3)) reports.push({ report: 'results', year: plan.endYear + 1, pending: true });
  }
  return reports.map(({ report, year, pending }) => {
    const wholeReviewMissing = !pending && r.chance(0.03);
    const values = new Map<IrmIndicator, Rating>();
    for (const indicator of INDICATORS_BY_REPORT[report]) {
      values.set(indicator, pending ? { indicator, state: 'not_reviewed' } : wholeReviewMissing ? { indicator, state: 'no_data' }
        : rate(r, indicator, report, context.withdrawn, values));
    }
    if (report === 'progress' && plan.startYear >= 2016 && !pending) values.set('verifiable', rate(r, 'verifiable', report, false, values));
    if (report === 'results' && plan.startYear < 2021 && !pending) {
      values.delete('early_results');
      values.set('did_it_open_government', rate(r, 'did_it_open_government', report, context.withdrawn, values));
    }
    const texts: Review['texts'] = {};
    if (r.chance(0.4)) {
      texts[context.language] = {
        irmTitle: REVIEW_TITLE[context.language](context.number, context.title),
        ...(r.chance(0.3) ? { narrative: context.narrative() } : {}),
      };
    }
    return {
      method, report, texts, ratings: [...values.values()],
      ...(pending ? {} : { publishedYear: Math.min(year, LAST_REPORT_YEAR) }),
      ...(r.chance(0.7) ? { irmNumber: context.number } : {}),
    };
  });
}

function rate(r: Random, indicator: IrmIndicator, report: IrmReport, withdrawn: boolean, soFar: Map<IrmIndicator, Rating>): Rating {
  if (r.chance(0.02)) return { indicator, state: 'no_data' };
  if (indicator === 'completion') {
    if (withdrawn && report !== 'progress') return { indicator, state: 'assessed', value: 'withdrawn' };
    return { indicator, state: 'assessed', value: r.weighted(report === 'progress' ? COMPLETION_MIDTERM : COMPLETION_FINAL) };
  }
  if (withdrawn && report !== 'progress' && report !== 'action_plan_review') return { indicator, state: 'not_applicable' };
  if (indicator === 'potential_for_results') {
    // The IRM does not rate the potential of a commitment that is not verifiable or has no open government lens.
    const blocked = ['verifiable', 'open_government_lens'].some((i) => soFar.get(i as IrmIndicator)?.value === 'no');
    if (blocked) return { indicator, state: 'not_applicable' };
  }
  return { indicator, state: 'assessed', value: r.weighted(DISTRIBUTIONS[indicator]!) };
}

/**
 * The IRM's indicators and the values each may take, per method (see shared docs, "IRM indicators").
 * Values are stable English keys; their labels live in the locale files as `irm.value.<key>`.
 */
export const IRM_METHODS = ['irm_2012', 'irm_2020'] as const;
export type IrmMethod = (typeof IRM_METHODS)[number];

export const IRM_REPORTS = ['design', 'progress', 'end_of_term', 'action_plan_review', 'results'] as const;
export type IrmReport = (typeof IRM_REPORTS)[number];

/** The IRM rated plans submitted from 2020 with its new method (Action Plan Review, Results Report). */
export const FIRST_YEAR_OF_2020_METHOD = 2020;

/** Reports of each method, in the order they appear in a cycle. */
export const REPORTS_BY_METHOD: Record<IrmMethod, readonly IrmReport[]> = {
  irm_2012: ['design', 'progress', 'end_of_term'],
  irm_2020: ['action_plan_review', 'results'],
};

const YES_NO = ['yes', 'no'] as const;
const COMPLETION = ['no_evidence', 'withdrawn', 'not_started', 'limited', 'substantial', 'complete'] as const;
const DID_IT_OPEN_GOVERNMENT = ['no_early_results_yet', 'worsened', 'did_not_change', 'marginal', 'major', 'outstanding'] as const;
/** Per OGP value, "Not applicable" is an answer of the IRM (the commitment does not touch that value), code 0. */
const DID_IT_OPEN_GOVERNMENT_PER_VALUE = ['not_applicable', 'worsened', 'did_not_change', 'marginal', 'major', 'outstanding'] as const;

export const IRM_INDICATORS = {
  verifiable: YES_NO,
  open_government_lens: YES_NO,
  potential_for_results: ['unclear', 'modest', 'substantial'],
  completion: COMPLETION,
  early_results: ['no_notable_results', 'moderate', 'significant', 'outstanding'],
  did_it_open_government: DID_IT_OPEN_GOVERNMENT,
  specificity: ['none', 'low', 'medium', 'high'],
  relevance_access_to_information: YES_NO,
  relevance_civic_participation: YES_NO,
  relevance_public_accountability: YES_NO,
  relevance_technology: YES_NO,
  potential_impact: ['none', 'minor', 'moderate', 'transformative'],
  // End-of-term report of the 2012 method: completion from mid-term to end of term, openness per OGP value, and
  // whether the commitment went on into the next plan.
  change_in_completion: ['decrease', 'no_change', 'increase'],
  did_it_open_government_access_to_information: DID_IT_OPEN_GOVERNMENT_PER_VALUE,
  did_it_open_government_civic_participation: DID_IT_OPEN_GOVERNMENT_PER_VALUE,
  did_it_open_government_public_accountability: DID_IT_OPEN_GOVERNMENT_PER_VALUE,
  carried_forward: YES_NO,
} as const satisfies Record<string, readonly string[]>;

export type IrmIndicator = keyof typeof IRM_INDICATORS;
export const IRM_INDICATOR_KEYS = Object.keys(IRM_INDICATORS) as IrmIndicator[];

/**
 * Indicators that only one method rates. The others (verifiable, relevance as an open government lens, completion,
 * did it open government) are rated by both: the 2020 Results Reports of the first plans still used the DIOG scale.
 */
export const METHOD_OF_INDICATOR: Partial<Record<IrmIndicator, IrmMethod>> = {
  specificity: 'irm_2012',
  relevance_access_to_information: 'irm_2012',
  relevance_civic_participation: 'irm_2012',
  relevance_public_accountability: 'irm_2012',
  relevance_technology: 'irm_2012',
  potential_impact: 'irm_2012',
  change_in_completion: 'irm_2012',
  did_it_open_government_access_to_information: 'irm_2012',
  did_it_open_government_civic_participation: 'irm_2012',
  did_it_open_government_public_accountability: 'irm_2012',
  carried_forward: 'irm_2012',
  potential_for_results: 'irm_2020',
  early_results: 'irm_2020',
};

const DESIGN_2012: readonly IrmIndicator[] = [
  'specificity', 'verifiable', 'relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability',
  'relevance_technology', 'open_government_lens', 'potential_impact',
];

/**
 * The indicators each report rates, in the order its form asks them: the one list the form, its validation and the
 * history entry follow. They are the dataset's columns of the report's stage that its method rates (`irm-columns.ts`,
 * checked by `indicators-by-report.test.ts`), except completion in the Action Plan Review, which assesses a plan before
 * it is carried out (its "Completion (Progress Report)" column is ND or NR for every 2020 plan). The design report of
 * the transition years rated the design alone; the progress report adds completion at mid-term.
 */
export const INDICATORS_BY_REPORT: Record<IrmReport, readonly IrmIndicator[]> = {
  design: DESIGN_2012,
  progress: [...DESIGN_2012, 'completion'],
  end_of_term: [
    'completion', 'change_in_completion', 'did_it_open_government', 'did_it_open_government_access_to_information',
    'did_it_open_government_civic_participation', 'did_it_open_government_public_accountability', 'carried_forward',
  ],
  action_plan_review: ['verifiable', 'open_government_lens', 'potential_for_results'],
  results: ['completion', 'early_results', 'did_it_open_government'],
};

export function isRatedByMethod(indicator: IrmIndicator, method: IrmMethod): boolean {
  const only = METHOD_OF_INDICATOR[indicator];
  return only === undefined || only === method;
}

export const RATING_STATES = ['assessed', 'not_reviewed', 'no_data', 'not_applicable'] as const;
export type RatingState = (typeof RATING_STATES)[number];

export function isIndicatorValue(indicator: IrmIndicator, value: string): boolean {
  return (IRM_INDICATORS[indicator] as readonly string[]).includes(value);
}

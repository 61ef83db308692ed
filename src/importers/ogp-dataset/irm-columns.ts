import type { IrmIndicator } from '../../irm/indicators.ts';

/**
 * Where each IRM column of OGP's dataset goes. A commitment has at most two IRM reviews in the dataset: the design
 * stage (Progress Report in the 2012 method, Action Plan Review in the 2020 one) and the end stage (End-of-Term
 * Report, Results Report). The column name says the stage; the plan's year says the method (see irm-reviews-of-row).
 */
export type Stage = 'design' | 'end';

export type IrmColumn = {
  column: string;
  stage: Stage;
  indicator: IrmIndicator;
  /** The dataset's wording of each value → Ahadi's value key. Matched ignoring case. */
  values: Readonly<Record<string, string>>;
};

const YES_NO = { yes: 'yes', no: 'no', '1': 'yes', '0': 'no' };
const ZERO_ONE = { '1': 'yes', '0': 'no' };
const COMPLETION = {
  withdrawn: 'withdrawn', unclear: 'no_evidence', 'no evidence available': 'no_evidence', 'not started': 'not_started',
  limited: 'limited', substantial: 'substantial', complete: 'complete',
};
const DIOG_PER_VALUE = {
  'not applicable': 'not_applicable', worsens: 'worsened', worsened: 'worsened', 'did not change': 'did_not_change',
  marginal: 'marginal', major: 'major', outstanding: 'outstanding',
};

export const IRM_COLUMNS: readonly IrmColumn[] = [
  { column: 'Specificity', stage: 'design', indicator: 'specificity', values: { none: 'none', low: 'low', medium: 'medium', high: 'high' } },
  { column: 'Verifiable', stage: 'design', indicator: 'verifiable', values: YES_NO },
  { column: 'OGP Value Access To Information', stage: 'design', indicator: 'relevance_access_to_information', values: ZERO_ONE },
  { column: 'OGP Value Civic Participation', stage: 'design', indicator: 'relevance_civic_participation', values: ZERO_ONE },
  { column: 'OGP Value Public Accountability', stage: 'design', indicator: 'relevance_public_accountability', values: ZERO_ONE },
  { column: 'OGP Value Technology', stage: 'design', indicator: 'relevance_technology', values: ZERO_ONE },
  // Relevant to at least one OGP value: the only relevance column of the 2020 method (its "open government lens").
  { column: '_Relevant', stage: 'design', indicator: 'open_government_lens', values: ZERO_ONE },
  { column: 'Potential Impact', stage: 'design', indicator: 'potential_impact', values: { none: 'none', minor: 'minor', moderate: 'moderate', transformative: 'transformative' } },
  { column: 'Completion (Progress Report)', stage: 'design', indicator: 'completion', values: COMPLETION },
  { column: 'Potential for Results', stage: 'design', indicator: 'potential_for_results', values: { unclear: 'unclear', modest: 'modest', substantial: 'substantial' } },
  { column: 'Completion (End Of Term)', stage: 'end', indicator: 'completion', values: COMPLETION },
  { column: 'Change In Completion', stage: 'end', indicator: 'change_in_completion', values: { decrease: 'decrease', 'no change': 'no_change', increase: 'increase' } },
  { column: 'Early Results', stage: 'end', indicator: 'early_results', values: { 'no notable results': 'no_notable_results', moderate: 'moderate', significant: 'significant', outstanding: 'outstanding' } },
  {
    column: 'Did It Open Government (Overall)', stage: 'end', indicator: 'did_it_open_government',
    values: { worsens: 'worsened', worsened: 'worsened', 'did not change': 'did_not_change', 'no early results to report yet': 'no_early_results_yet', marginal: 'marginal', major: 'major', outstanding: 'outstanding' },
  },
  { column: 'Did It Open Government (Access To Information)', stage: 'end', indicator: 'did_it_open_government_access_to_information', values: DIOG_PER_VALUE },
  { column: 'Did It Open Government (Civic Participation)', stage: 'end', indicator: 'did_it_open_government_civic_participation', values: DIOG_PER_VALUE },
  { column: 'Did It Open Government: Public Accountability', stage: 'end', indicator: 'did_it_open_government_public_accountability', values: DIOG_PER_VALUE },
  { column: 'Carried Forward', stage: 'end', indicator: 'carried_forward', values: ZERO_ONE },
];

export const REPORT_YEAR_COLUMNS: readonly { column: string; stage: Stage }[] = [
  { column: 'Report Publication Year (Progress Report)', stage: 'design' },
  { column: 'Report Publication Year (End Of Term)', stage: 'end' },
];

/**
 * The dataset repeats most ratings as numeric codes (`_`-prefixed columns). They are not stored (the rating is);
 * the importer checks them against the rating and warns where OGP's two columns disagree.
 */
export type IrmCodeColumn = { column: string; of: string; codes: Readonly<Record<string, string>> };

const COMPLETION_CODES = { '0': 'withdrawn', '1': 'no_evidence', '2': 'not_started', '3': 'limited', '4': 'substantial', '5': 'complete' };
const DIOG_PER_VALUE_CODES = { '0': 'not_applicable', '1': 'worsened', '2': 'did_not_change', '3': 'marginal', '4': 'major', '5': 'outstanding' };

export const IRM_CODE_COLUMNS: readonly IrmCodeColumn[] = [
  { column: '_Specificity', of: 'Specificity', codes: { '0': 'none', '1': 'low', '2': 'medium', '3': 'high' } },
  { column: '_Potential Impact', of: 'Potential Impact', codes: { '0': 'none', '1': 'minor', '2': 'moderate', '3': 'transformative' } },
  { column: '_CompletionProgress', of: 'Completion (Progress Report)', codes: COMPLETION_CODES },
  { column: '_Potential for Results', of: 'Potential for Results', codes: { '0': 'unclear', '1': 'modest', '2': 'substantial' } },
  { column: '_CompletionEndTerm', of: 'Completion (End Of Term)', codes: COMPLETION_CODES },
  { column: '_Early Results', of: 'Early Results', codes: { '0': 'no_notable_results', '1': 'moderate', '2': 'significant', '3': 'outstanding' } },
  // "No early results to report yet" shares code 1 with "Did not change".
  { column: '_OpenGovernment', of: 'Did It Open Government (Overall)', codes: { '0': 'worsened', '1': 'did_not_change|no_early_results_yet', '2': 'marginal', '3': 'major', '4': 'outstanding' } },
  { column: '_DIOGATI', of: 'Did It Open Government (Access To Information)', codes: DIOG_PER_VALUE_CODES },
  { column: '_DIOGCP', of: 'Did It Open Government (Civic Participation)', codes: DIOG_PER_VALUE_CODES },
  { column: '_DIOGPA', of: 'Did It Open Government: Public Accountability', codes: DIOG_PER_VALUE_CODES },
];

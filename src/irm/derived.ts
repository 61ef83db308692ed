import type { IrmIndicator } from './indicators.ts';

/** The ratings of one review, as indicator → value, with unassessed indicators absent. */
export type RatingValues = Partial<Record<IrmIndicator, string>>;

/**
 * A commitment's two IRM stages as OGP's analysis combines them: the design review (Progress Report or Action Plan
 * Review) and the end review (End-of-Term or Results Report). Either may be missing.
 */
export type ReviewStages = { design?: RatingValues; end?: RatingValues };

/**
 * OGP's "Ambition: High/Low" is a display derived from the IRM's potential rating, never entered by hand.
 * Old method: Moderate or Transformative potential impact is high. New method: Substantial potential for results.
 */
export function ambition(ratings: RatingValues): 'high' | 'low' | undefined {
  if (ratings.potential_impact) {
    return ratings.potential_impact === 'moderate' || ratings.potential_impact === 'transformative' ? 'high' : 'low';
  }
  if (ratings.potential_for_results) return ratings.potential_for_results === 'substantial' ? 'high' : 'low';
  return undefined;
}

/** The OGP values a commitment must be relevant to (technology and innovation counts only with one of them). */
export const RELEVANCE = ['relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability'] as const;

/** Medium or High specificity is what the IRM calls verifiable (shared docs §1.6). */
export const isSpecificEnough = (specificity: string): boolean => specificity === 'medium' || specificity === 'high';

/**
 * Specific enough to be assessed: Medium or High specificity; where the IRM rated verifiability instead (design
 * reports of 2017-2019 plans, the 2020 method), verifiable.
 */
function specific(ratings: RatingValues): boolean | undefined {
  if (ratings.specificity) return isSpecificEnough(ratings.specificity);
  if (ratings.verifiable) return ratings.verifiable === 'yes';
  return undefined;
}

/**
 * Relevant to access to information, civic participation or public accountability. OGP's own relevance flag (the
 * open government lens) wins where it is rated: it is what OGP's analysis counts, including the rare rows where it
 * disagrees with the per-value columns.
 */
function relevant(ratings: RatingValues): boolean | undefined {
  if (ratings.open_government_lens) return ratings.open_government_lens === 'yes';
  if (RELEVANCE.some((indicator) => ratings[indicator] !== undefined)) return RELEVANCE.some((indicator) => ratings[indicator] === 'yes');
  return undefined;
}

const highlyComplete = (completion: string) => completion === 'substantial' || completion === 'complete';

/**
 * Starred (old method, current formula): specific enough (medium or high), relevant to at least one of access to
 * information, civic participation or public accountability, transformative potential impact, and substantial or
 * complete. Not starred as soon as one assessed criterion fails; undefined when none fails but one is not assessed.
 */
export function starred(ratings: RatingValues): boolean | undefined {
  return starredWith(ratings, (impact) => impact === 'transformative');
}

/**
 * The star as awarded until 2015: moderate potential impact was enough. OGP's dataset keeps it in "Starred (2015
 * Only)"; shown for history, never as the current star.
 */
export function starredBy2015Formula(ratings: RatingValues): boolean | undefined {
  return starredWith(ratings, (impact) => impact === 'moderate' || impact === 'transformative');
}

function starredWith(ratings: RatingValues, ambitious: (impact: string) => boolean): boolean | undefined {
  const { potential_impact: impact, completion } = ratings;
  // Stars belong to the 2012 method: a review that rates neither specificity nor potential impact has none.
  if (impact === undefined && ratings.specificity === undefined) return undefined;
  const criteria = [
    specific(ratings),
    relevant(ratings),
    impact === undefined ? undefined : ambitious(impact),
    completion === undefined ? undefined : highlyComplete(completion),
  ];
  if (criteria.includes(false)) return false;
  return criteria.includes(undefined) ? undefined : true;
}

/** The end-of-term star: the design criteria of the design review with the completion found at the end of term. */
export function starredAtEndOfTerm({ design, end }: ReviewStages): boolean | undefined {
  if (!design || !end?.completion) return undefined;
  return starred({ ...design, completion: end.completion });
}

/** OGP's "High Ambition": ambitious (moderate or transformative potential impact) and relevant to OGP values. */
export function highAmbition(design: RatingValues | undefined): boolean | undefined {
  if (!design?.potential_impact) return undefined;
  const isRelevant = relevant(design);
  return ambition(design) === 'high' && isRelevant === true;
}

/** The completion last found: at the end of term (or in the Results Report) if rated, else at mid-term. */
export function latestCompletion({ design, end }: ReviewStages): string | undefined {
  return end?.completion ?? design?.completion;
}

/** OGP's "High Completion": the completion last found is substantial or complete. */
export function highCompletion(stages: ReviewStages): boolean | undefined {
  const completion = latestCompletion(stages);
  return completion === undefined ? undefined : highlyComplete(completion);
}

/**
 * Strong early results (OGP's "High DIOG"): it opened government majorly or outstandingly, or, in the 2020 method,
 * its early results are significant or outstanding.
 */
export function strongEarlyResults(end: RatingValues | undefined): boolean | undefined {
  const opened = end?.did_it_open_government;
  const results = end?.early_results;
  if (opened === undefined && results === undefined) return undefined;
  return opened === 'major' || opened === 'outstanding' || results === 'significant' || results === 'outstanding';
}

/**
 * OGP's "IRM-Based Score": 4 strong early results, or ambitious and highly complete; 3 ambitious but not complete;
 * 2 complete though rated not ambitious; -1 nothing rated at design; 1 otherwise (ambition not rated included).
 * OGP's sheet departs from this in places (see the agreement test): a reading aid, not an IRM rating.
 */
export function irmBasedScore(stages: ReviewStages): -1 | 1 | 2 | 3 | 4 {
  const ambitious = highAmbition(stages.design);
  const complete = highCompletion(stages) === true;
  if (strongEarlyResults(stages.end) || (ambitious && complete)) return 4;
  if (ambitious) return 3;
  if (ambitious === false && complete) return 2;
  if (stages.design === undefined || Object.keys(stages.design).length === 0) return -1;
  return 1;
}

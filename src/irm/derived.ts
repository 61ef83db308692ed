import type { IrmIndicator } from './indicators.ts';

/** The ratings of one review, as indicator → value, with unassessed indicators absent. */
export type RatingValues = Partial<Record<IrmIndicator, string>>;

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

const RELEVANCE = ['relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability'] as const;

/**
 * Starred (old method, current formula): specific enough (medium or high), relevant to at least one of access to
 * information, civic participation or public accountability, transformative potential impact, and substantial or
 * complete. Undefined when a criterion has not been assessed.
 */
export function starred(ratings: RatingValues): boolean | undefined {
  const { specificity, potential_impact, completion } = ratings;
  if (!specificity || !potential_impact || !completion) return undefined;
  const relevant = RELEVANCE.some((indicator) => ratings[indicator] === 'yes');
  return (specificity === 'medium' || specificity === 'high') && relevant && potential_impact === 'transformative' &&
    (completion === 'substantial' || completion === 'complete');
}

import { IRM_INDICATORS, IRM_INDICATOR_KEYS, type IrmIndicator } from './indicators.ts';
import type { RatingValues } from './derived.ts';

/**
 * Reads `commitment_facets.irm_ratings`: one `indicator:value` entry per indicator, from the latest report that rated
 * it, or `indicator:state` when that report gave no value (`completion:not_reviewed`). Exports, feeds and summaries
 * read ratings from there rather than walking every review again.
 */
export type LatestRatings = {
  /** The value or, when there is none, the state of each indicator some review mentions. */
  entries: Partial<Record<IrmIndicator, string>>;
  /** Only the assessed values, as `ambition()` and `starred()` take them. */
  values: RatingValues;
};

export function readLatestRatings(facetEntries: readonly string[]): LatestRatings {
  const entries: Partial<Record<IrmIndicator, string>> = {};
  const values: RatingValues = {};
  for (const entry of facetEntries) {
    const colon = entry.indexOf(':');
    const indicator = entry.slice(0, colon) as IrmIndicator;
    if (!IRM_INDICATOR_KEYS.includes(indicator)) continue;
    const rest = entry.slice(colon + 1);
    entries[indicator] = rest;
    // "not_applicable" is an answer of the IRM for the per-value "did it open government" indicators.
    if ((IRM_INDICATORS[indicator] as readonly string[]).includes(rest)) values[indicator] = rest;
  }
  return { entries, values };
}

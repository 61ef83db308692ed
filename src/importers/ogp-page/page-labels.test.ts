import { describe, it, expect } from 'vitest';
import { IRM_INDICATOR_KEYS, isIndicatorValue } from '../../irm/indicators.ts';
import { PAGE_LABELS, PAGE_LOCALES, type RatingWord } from './page-labels.ts';
import { foldForMatching } from './page-text.ts';

describe('page labels', () => {
  it.each(PAGE_LOCALES)('%s: a rating word means one value per indicator', (locale) => {
    const words = Object.entries(PAGE_LABELS[locale].ratingWords) as Array<[RatingWord, readonly string[]]>;
    for (const indicator of IRM_INDICATOR_KEYS) {
      const seen = new Map<string, RatingWord>();
      for (const [key, wordings] of words.filter(([key]) => key === 'pending' || isIndicatorValue(indicator, key))) {
        for (const wording of wordings.map((text) => foldForMatching(text))) {
          expect(seen.get(wording) ?? key, `${indicator}: "${wording}"`).toBe(key);
          seen.set(wording, key);
        }
      }
    }
  });

  it.each(PAGE_LOCALES)('%s: every rating word is a value of some indicator', (locale) => {
    for (const key of Object.keys(PAGE_LABELS[locale].ratingWords)) {
      expect(key === 'pending' || IRM_INDICATOR_KEYS.some((indicator) => isIndicatorValue(indicator, key)), key).toBe(true);
    }
  });
});

import { PAGE_LABELS, PAGE_LOCALES } from './page-labels.ts';

/**
 * The action plan's number when the commitment's own text names the plan ("les engagements du PAN IV"). The IRM's
 * narrative is not searched: it discusses earlier plans ("During NAP III, ...").
 */
export function planNumberIn(texts: readonly string[]): number | undefined {
  const names = [...new Set(PAGE_LOCALES.flatMap((locale) => PAGE_LABELS[locale].planAbbreviations))];
  // Capitals only, as OGP writes plan numbers, so that ordinary words after "plan" are never read as numerals.
  const pattern = new RegExp(`\\b(?:${names.join('|')})\\s+([IVX]{1,5})\\b`, 'g');
  const numbers = new Set<number>();
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const number = romanToNumber(match[1] ?? '');
      if (number !== undefined) numbers.add(number);
    }
  }
  // Two different plans named in the text: we cannot tell which is this commitment's, so we do not guess.
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

const ROMAN_NUMBERS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function romanToNumber(numeral: string): number | undefined {
  const index = ROMAN_NUMBERS.indexOf(numeral);
  return index === -1 ? undefined : index + 1;
}

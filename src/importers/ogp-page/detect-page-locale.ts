import { PAGE_LABELS, PAGE_LOCALES, type PageLabels, type PageLocale } from './page-labels.ts';
import { anyLabelSource, cachedPattern, type PageLine } from './page-text.ts';

type LabelList = { [K in keyof PageLabels]: PageLabels[K] extends readonly string[] ? K : never }[keyof PageLabels];

// Labels that differ between languages; "Description", "Ambition" and "Institutions" are shared by English and
// French and would not tell them apart.
const TELLING_LABELS: readonly LabelList[] = [
  'skipNavigation', 'keyInformation', 'atAGlance', 'actionPlan', 'actionPlanCycle', 'leadInstitution',
  'supportInstitutions', 'policyAreas', 'irmReview', 'irmReport', 'earlyResults', 'relevantToOgpValues',
  'objectives', 'statusQuo', 'irmMidtermSummary', 'irmEndOfTermSummary',
];

/** The language whose labels start the most lines of the page, or undefined when no label is found at all. */
export function detectPageLocale(lines: readonly PageLine[]): PageLocale | undefined {
  let best: { locale: PageLocale; score: number } | undefined;
  for (const locale of PAGE_LOCALES) {
    const score = TELLING_LABELS.filter((key) => startsSomeLine(lines, PAGE_LABELS[locale][key])).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { locale, score };
  }
  return best?.locale;
}

function startsSomeLine(lines: readonly PageLine[], labels: readonly string[]): boolean {
  const pattern = cachedPattern(`^\\s*${anyLabelSource(labels)}`);
  return lines.some((line) => pattern.test(line.folded));
}

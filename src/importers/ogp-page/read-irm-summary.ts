import type { RatingValues } from '../../irm/derived.ts';
import { IRM_REPORTS, isIndicatorValue, type IrmIndicator, type IrmReport } from '../../irm/indicators.ts';
import { PAGE_LABELS, PAGE_LOCALES, type PageLabels, type PageLocale, type RatingWord } from './page-labels.ts';
import { anyLabelSource, cachedPattern, foldForMatching, paragraphs, type PageLine } from './page-text.ts';

/**
 * Reads one "IRM ... Status Summary" box of a commitment page: which report it comes from, the IRM's own number
 * and title for the commitment, the ratings, and the IRM's narrative with its footnotes.
 */
export interface IrmSummary {
  /** The report as the page names it ("Examen du plan d'action"). */
  reportName?: string;
  report?: IrmReport;
  irmNumber?: number;
  irmTitle?: string;
  ratings: RatingValues;
  /** Indicators the page marks "Pending IRM Review". */
  pendingRatings: IrmIndicator[];
  /** Ratings whose wording we do not know; the importer warns about them rather than guess. */
  unreadRatings: Array<{ indicator: IrmIndicator; raw: string }>;
  narrative?: string;
}

export function readIrmSummary(lines: readonly PageLine[], locale: PageLocale): IrmSummary {
  const labels = PAGE_LABELS[locale];
  const summary: IrmSummary = { ratings: {}, pendingRatings: [], unreadRatings: [] };
  const narrative: string[] = [];
  for (const line of lines) {
    const content = withoutBullet(line);
    if (content.text === '') {
      narrative.push('');
      continue;
    }
    // Saving a page leaves stray markup ("<") between the boxes.
    if (!/[\p{L}\p{N}]/u.test(content.text)) continue;
    const beforeRatings = Object.keys(summary.ratings).length === 0 && summary.unreadRatings.length === 0 &&
      summary.pendingRatings.length === 0 && narrative.every((text) => text === '');
    if (beforeRatings && readHeadingLine(content, labels, locale, summary)) continue;
    if (readRatingLine(content, labels, locale, summary)) continue;
    narrative.push(content.text);
  }
  const text = paragraphs(narrative);
  return text === '' ? summary : { ...summary, narrative: text };
}

function withoutBullet(line: PageLine): PageLine {
  const bullet = /^\s*(?:[•●▪◦·\uf0b7*]|-(?=\s))?\s*/.exec(line.folded)?.[0] ?? '';
  const text = line.text.slice(bullet.length).trimEnd();
  return { start: line.start + bullet.length, text, folded: line.folded.slice(bullet.length, bullet.length + text.length) };
}

/** The report name and the "Commitment 8. Title" line come before the ratings. */
function readHeadingLine(content: PageLine, labels: PageLabels, locale: PageLocale, summary: IrmSummary): boolean {
  if (summary.report === undefined && summary.irmNumber === undefined) {
    const report = reportNamed(content, locale);
    if (report) {
      summary.report = report;
      summary.reportName = content.text.trim();
      return true;
    }
  }
  if (summary.irmNumber !== undefined) return false;
  const heading = cachedPattern(`^\\s*${anyLabelSource(labels.irmCommitment)}\\s+(\\d{1,3})\\s*[.:\\-–—]\\s*`).exec(content.folded);
  if (!heading) return false;
  summary.irmNumber = Number(heading[1]);
  const title = content.text.slice(heading[0].length).trim();
  if (title !== '') summary.irmTitle = title;
  return true;
}

function reportNamed(content: PageLine, locale: PageLocale): IrmReport | undefined {
  for (const candidate of localesStartingWith(locale)) {
    const report = IRM_REPORTS.find((name) =>
      cachedPattern(`^\\s*${anyLabelSource(PAGE_LABELS[candidate].irmReports[name])}`).test(content.folded));
    if (report) return report;
  }
  return undefined;
}

function readRatingLine(content: PageLine, labels: PageLabels, locale: PageLocale, summary: IrmSummary): boolean {
  for (const [indicator, names] of Object.entries(labels.ratingLabels) as Array<[IrmIndicator, readonly string[]]>) {
    // The colon or question mark is required: a narrative paragraph may well begin "Completion of the portal ...".
    const match = cachedPattern(`^\\s*¿?\\s*${anyLabelSource(names)}\\s*[?:]+\\s*`).exec(content.folded);
    if (!match) continue;
    const raw = content.text.slice(match[0].length).trim();
    // An empty rating ("Completion:") is one the IRM has not given, not one we failed to read.
    if (raw !== '') recordRating(summary, indicator, raw, locale);
    return true;
  }
  return false;
}

function recordRating(summary: IrmSummary, indicator: IrmIndicator, raw: string, locale: PageLocale): void {
  const word = ratingWord(indicator, raw, locale);
  if (word === 'pending') summary.pendingRatings.push(indicator);
  else if (word === undefined) summary.unreadRatings.push({ indicator, raw });
  else summary.ratings[indicator] = word;
}

/** The indicator value for a rating as worded on the page, in its language or another (pages mix them). */
export function ratingWord(indicator: IrmIndicator, raw: string, locale: PageLocale): RatingWord | undefined {
  const wanted = normalizeWord(raw);
  for (const candidate of localesStartingWith(locale)) {
    const words = Object.entries(PAGE_LABELS[candidate].ratingWords) as Array<[RatingWord, readonly string[]]>;
    const found = words.find(([key, wordings]) =>
      (key === 'pending' || isIndicatorValue(indicator, key)) && wordings.some((wording) => normalizeWord(wording) === wanted));
    if (found) return found[0];
  }
  return undefined;
}

function normalizeWord(text: string): string {
  return foldForMatching(text).replace(/^[¿¡]/, '').replace(/[\s-]+/g, ' ').replace(/[.!;:,]+$/, '').trim();
}

function localesStartingWith(locale: PageLocale): PageLocale[] {
  return [locale, ...PAGE_LOCALES.filter((other) => other !== locale)];
}

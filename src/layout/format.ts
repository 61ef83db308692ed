import type { Intl } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';
import type { PartialDateView } from '../commitments/commitment-detail.ts';

// A page shows many dates in a few shapes: one formatter per language and precision, built once (decision 017).
const DATE_OPTIONS = {
  day: { dateStyle: 'long', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, globalThis.Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, globalThis.Intl.DateTimeFormat>();

function dateFormat(locale: Locale, precision: keyof typeof DATE_OPTIONS): globalThis.Intl.DateTimeFormat {
  const key = `${locale}:${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new globalThis.Intl.DateTimeFormat(locale, DATE_OPTIONS[precision]);
    dateFormats.set(key, format);
  }
  return format;
}

/** A date shown as precisely as it is known: "février 2021" for a month, "T1 2021" for a quarter. */
export function formatPartialDate(intl: Intl, value: PartialDateView | null): string {
  if (!value) return intl.t('common.notGiven');
  const date = new Date(`${value.date}T00:00:00Z`);
  if (value.precision === 'quarter') {
    return intl.t('common.quarter', { quarter: Math.floor(date.getUTCMonth() / 3) + 1, year: date.getUTCFullYear() });
  }
  return dateFormat(intl.locale, value.precision).format(date);
}

/**
 * A moment (a report sent, an e-mail queued, a sign-in), in UTC and saying so: readers are in many time zones. Plain
 * text, for pages (which escape it) and e-mails alike. Pages list moments, short (`medium`: "28 nov. 2026, 01:42 UTC");
 * an e-mail says one inside a sentence, read away from any page, so it writes the date out as a sentence would
 * (`long`: "… a été changé le 28 novembre 2026 à 01:42 UTC, et …").
 */
export const formatInstant = (intl: Intl, at: Date, dateStyle: 'medium' | 'long' = 'medium'): string =>
  `${intl.formatDate(at, { dateStyle, timeStyle: 'short', timeZone: 'UTC' })} UTC`;

/** Prose stored as text: paragraphs are separated by blank lines or line breaks. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

import type { Intl } from '../i18n/intl.ts';
import type { PartialDateView } from '../commitments/commitment-detail.ts';

/** A date shown as precisely as it is known: "février 2021" for a month, "T1 2021" for a quarter. */
export function formatPartialDate(intl: Intl, value: PartialDateView | null): string {
  if (!value) return intl.t('common.notGiven');
  const date = new Date(`${value.date}T00:00:00Z`);
  switch (value.precision) {
    case 'day': return intl.formatDate(date, { dateStyle: 'long', timeZone: 'UTC' });
    case 'month': return intl.formatDate(date, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'quarter': return intl.t('common.quarter', { quarter: Math.floor(date.getUTCMonth() / 3) + 1, year: date.getUTCFullYear() });
    case 'year': return intl.formatDate(date, { year: 'numeric', timeZone: 'UTC' });
  }
}

/** Prose stored as text: paragraphs are separated by blank lines or line breaks. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

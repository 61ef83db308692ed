import type { Locale } from '../i18n/locales.ts';

/** A national member's name in the reader's language (from ISO data via Intl); other members keep their own name. */
export function memberName(member: { name: string; kind: string; isoAlpha2: string | null }, locale: Locale): string {
  if (member.kind !== 'national' || !member.isoAlpha2) return member.name;
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(member.isoAlpha2) ?? member.name;
}

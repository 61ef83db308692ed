import type { Locale } from '../i18n/locales.ts';

// One formatter per interface language: making one costs more than naming a country with it, and a list page names
// up to a few hundred members.
const regionNames = new Map<Locale, Intl.DisplayNames>();

/** A national member's name in the reader's language (from ISO data via Intl); other members keep their own name. */
export function memberName(member: { name: string; kind: string; isoAlpha2: string | null }, locale: Locale): string {
  if (member.kind !== 'national' || !member.isoAlpha2) return member.name;
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  return names.of(member.isoAlpha2) ?? member.name;
}

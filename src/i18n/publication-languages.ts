import { languageName } from './intl.ts';
import { LOCALES, type Locale } from './locales.ts';

/**
 * The languages a new commitment can be published in (BCP 47 primary codes): the interface languages, and the
 * languages OGP's national and local members write their action plans in — Portuguese (Brazil, Cabo Verde), Arabic
 * (Morocco, Tunisia, Jordan), Russian (the Kyrgyz Republic's plans, beside Kyrgyz), the languages of the European,
 * Caucasian and Asian members, and Basque (the Basque Country, OGP Local). A commitment in another language can still
 * be imported and edited (decision 006: texts are stored in any language); add a code here when a member writes in it.
 * Pages name each language with `Intl.DisplayNames` in their own language: no interface string per language.
 */
export const PUBLICATION_LANGUAGES = [
  ...LOCALES,
  'pt', 'ar', 'ru',
  'de', 'nl', 'it', 'el', 'ro', 'bg', 'hr', 'cs', 'sk', 'lt', 'lv', 'et', 'fi', 'sv', 'da', 'no',
  'sq', 'mk', 'sr', 'bs', 'uk', 'hy', 'ka', 'az', 'eu',
  'id', 'mn', 'ko', 'ky', 'si', 'ta', 'fa', 'he',
] as const satisfies readonly [string, ...string[]];

const codes: ReadonlySet<string> = new Set(PUBLICATION_LANGUAGES);

export function isPublicationLanguage(code: string): boolean {
  return codes.has(code);
}

/**
 * The publication languages in the order a page in `locale` offers them: by their name in that language, with that
 * language's collation ("Kiarabu" after "Kiajemi" in Swahili, "árabe" with the a's in Spanish). Kept per locale:
 * building a collator and naming 40 languages is the costly part, and the answer never changes.
 */
export function publicationLanguages(locale: Locale): readonly string[] {
  let sorted = byLocale.get(locale);
  if (!sorted) {
    const collator = new Intl.Collator(locale);
    sorted = Object.freeze(PUBLICATION_LANGUAGES.map((code) => ({ code, name: languageName(code, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name)).map((l) => l.code));
    byLocale.set(locale, sorted);
  }
  return sorted;
}

const byLocale = new Map<Locale, readonly string[]>();

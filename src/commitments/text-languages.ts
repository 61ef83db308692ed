import { choice } from '../http/form.ts';
import { isLocale, LOCALES } from '../i18n/locales.ts';

/**
 * The languages a commitment's texts and its milestones' are edited in: the interface languages and, when it is
 * another one, the language the commitment was published in (OGP's dataset brings Portuguese, decision 006). Texts
 * are stored in any language; the forms write these, so the text as published can always be corrected.
 */
export function textLanguages(sourceLocale: string): [string, ...string[]] {
  return isLocale(sourceLocale) ? [...LOCALES] : [...LOCALES, sourceLocale];
}

/** The `lang` field of a form writing a commitment's or milestone's texts. */
export const textLanguageField = (sourceLocale: string) => choice(textLanguages(sourceLocale));

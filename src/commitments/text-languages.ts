import { choice } from '../http/form.ts';
import { isLocale, LOCALES } from '../i18n/locales.ts';

/**
 * The languages a commitment's texts and its milestones' are edited in: the interface languages and, when it is
 * another one, the language the commitment was published in (OGP's dataset brings Portuguese, decision 006; a
 * commitment created here may be in any of `PUBLICATION_LANGUAGES`). Texts are stored in any language; the forms
 * write these, so the text as published can always be corrected, whether or not its language is still on that list.
 * Not every publication language: pages show a text in their own language, else in the language of publication, so
 * a translation into a third language (Arabic for a Portuguese commitment) would be written and never shown.
 */
export function textLanguages(sourceLocale: string): [string, ...string[]] {
  return isLocale(sourceLocale) ? [...LOCALES] : [...LOCALES, sourceLocale];
}

/** The `lang` field of a form writing a commitment's or milestone's texts. */
export const textLanguageField = (sourceLocale: string) => choice(textLanguages(sourceLocale));

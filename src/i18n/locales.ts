/** Interface languages. Content (commitment text) may be in any language; see ContentLocale. */
export const LOCALES = ['en', 'fr', 'es', 'sw'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

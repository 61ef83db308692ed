/** Interface languages. Content (commitment text) may be in any language; see ContentLocale. */
export const LOCALES = ['en', 'fr', 'es', 'sw'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** An account's stored language for what is sent to it (mail), or the default one if it is no interface language. */
export function storedLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';

/**
 * Interface strings: ICU messages in `locales/<locale>.json`, formatted by FormatJS. Dates and numbers go through
 * the same Intl object, so a page never formats one by hand.
 */
export type Messages = Record<string, string>;
export type Intl = IntlShape<string> & { locale: Locale; t: (id: string, values?: Record<string, unknown>) => string };

const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

export function loadMessages(locale: Locale): Messages {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.json`), 'utf8')) as Messages;
}

const cache = createIntlCache();
const byLocale = new Map<Locale, Intl>();

export function intlFor(locale: Locale): Intl {
  let intl = byLocale.get(locale);
  if (!intl) {
    const messages = loadMessages(locale);
    const base = createIntl({
      locale,
      defaultLocale: DEFAULT_LOCALE,
      messages,
      // A missing message is a bug the locale tests catch; in production show the English text rather than a key.
      onError: () => {},
    }, cache);
    const english = locale === DEFAULT_LOCALE ? messages : loadMessages(DEFAULT_LOCALE);
    const t = (id: string, values?: Record<string, unknown>) =>
      base.formatMessage({ id, defaultMessage: english[id] ?? id }, values as never) as string;
    intl = Object.assign(base, { locale, t });
    byLocale.set(locale, intl);
  }
  return intl;
}

/** The best interface language for an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '').split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { language: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  const match = ranked.find((r) => (LOCALES as readonly string[]).includes(r.language));
  return (match?.language as Locale | undefined) ?? DEFAULT_LOCALE;
}

/** Name of a language in another: `languageName('fr', 'en')` is "French". */
export function languageName(code: string, inLocale: Locale): string {
  return new globalThis.Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code;
}

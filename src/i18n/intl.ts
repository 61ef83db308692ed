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
export type Intl = IntlShape<string> & {
  locale: Locale;
  t: (id: string, values?: Record<string, unknown>) => string;
  /** "A, B and C" in this language, built once (building a ListFormat per list showed in profiles). */
  conjunction: globalThis.Intl.ListFormat;
};

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
    const t = compiledMessages(base, messages, english);
    // formatNumber(n) with no options is the common case (counts, numbers in a plan): one formatter, built once.
    const integers = new globalThis.Intl.NumberFormat(locale);
    const withOptions = base.formatNumber;
    const formatNumber = ((value: number | bigint, options?: object) =>
      options ? withOptions(value, options) : integers.format(value)) as Intl['formatNumber'];
    const conjunction = new globalThis.Intl.ListFormat(locale, { type: 'conjunction' });
    intl = Object.assign(base, { locale, t, formatNumber, conjunction });
    byLocale.set(locale, intl);
  }
  return intl;
}

/**
 * `t(id, values)`: each message is parsed once, on first use, and kept; a message without arguments is kept as its
 * final text. FormatJS's own `formatMessage` looks its compiled message up by a key it builds from the message and
 * its options on every call, which profiles of the commitment page showed as a top cost (decision 017).
 */
function compiledMessages(base: IntlShape<string>, messages: Messages, english: Messages) {
  const compiled = new Map<string, string | ((values?: Record<string, unknown>) => string)>();
  const compile = (id: string) => {
    const own = messages[id];
    const source = own ?? english[id];
    if (source === undefined) return id;
    // Same fallbacks as formatMessage with onError ignored: a message that does not parse, or fails to format,
    // shows its own text (the locale tests keep every message valid).
    let format: ReturnType<typeof base.formatters.getMessageFormat>;
    try {
      format = base.formatters.getMessageFormat(source, own === undefined ? DEFAULT_LOCALE : base.locale, base.formats, { formatters: base.formatters });
    } catch {
      return source;
    }
    const hasArguments = format.getAst().some((element) => element.type !== 0 /* literal */);
    const run = (values?: Record<string, unknown>) => {
      try {
        return String(format.format(values as never));
      } catch {
        return source;
      }
    };
    return hasArguments ? run : run();
  };
  return (id: string, values?: Record<string, unknown>): string => {
    let message = compiled.get(id);
    if (message === undefined) {
      message = compile(id);
      compiled.set(id, message);
    }
    return typeof message === 'string' ? message : message(values);
  };
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
  let names = languageNames.get(inLocale);
  if (!names) {
    names = new globalThis.Intl.DisplayNames([inLocale], { type: 'language' });
    languageNames.set(inLocale, names);
  }
  return names.of(code) ?? code;
}

// Building an Intl.DisplayNames costs far more than using one: one per interface language, kept.
const languageNames = new Map<Locale, globalThis.Intl.DisplayNames>();

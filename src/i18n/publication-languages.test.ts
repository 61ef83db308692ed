import { describe, expect, it } from 'vitest';
import { languageName } from './intl.ts';
import { LOCALES } from './locales.ts';
import { isPublicationLanguage, PUBLICATION_LANGUAGES, publicationLanguages } from './publication-languages.ts';
import { textDir } from './text-direction.ts';

describe('the languages a commitment can be published in', () => {
  it('are the interface languages and OGP members\' languages, each a canonical BCP 47 primary code, once', () => {
    for (const locale of LOCALES) expect(isPublicationLanguage(locale), locale).toBe(true);
    for (const code of ['pt', 'ar', 'hy', 'ka', 'id', 'mn', 'ro', 'uk', 'it', 'de', 'nl']) expect(isPublicationLanguage(code), code).toBe(true);
    expect(new Set(PUBLICATION_LANGUAGES).size).toBe(PUBLICATION_LANGUAGES.length);
    for (const code of PUBLICATION_LANGUAGES) {
      expect(code).toMatch(/^[a-z]{2,3}$/);
      expect(Intl.getCanonicalLocales(code)).toEqual([code]);
    }
    for (const code of ['pt-BR', 'PT', 'xx', '']) expect(isPublicationLanguage(code), code).toBe(false);
  });

  it('each have a name of their own in every interface language (no code shown, no two alike)', () => {
    for (const locale of LOCALES) {
      const names = PUBLICATION_LANGUAGES.map((code) => languageName(code, locale));
      for (const [i, name] of names.entries()) expect(name, `${PUBLICATION_LANGUAGES[i]} in ${locale}`).not.toBe(PUBLICATION_LANGUAGES[i]);
      expect(new Set(names).size, locale).toBe(names.length);
    }
  });

  it('are offered sorted by their name with the page language\'s collation', () => {
    const named = (locale: (typeof LOCALES)[number]) => publicationLanguages(locale).map((code) => languageName(code, locale));
    expect(named('en').slice(0, 4)).toEqual(['Albanian', 'Arabic', 'Armenian', 'Azerbaijani']);
    // Accents sort with their letter: "árabe" among the a's, "español" before "estonio".
    expect(named('es').slice(0, 3)).toEqual(['albanés', 'alemán', 'árabe']);
    expect(named('es').indexOf('español')).toBe(named('es').indexOf('estonio') - 1);
    expect(named('sw').slice(0, 3)).toEqual(['Kiajemi', 'Kialbania', 'Kiarabu']);
    for (const locale of LOCALES) expect([...publicationLanguages(locale)].sort()).toEqual([...PUBLICATION_LANGUAGES].sort());
  });
});

describe('the direction of a text', () => {
  it('is right to left for Arabic, Hebrew and Persian (with or without a region), and left unsaid otherwise', () => {
    for (const lang of ['ar', 'he', 'fa', 'ar-MA', 'AR']) expect(textDir(lang), lang).toBe('rtl');
    for (const lang of [...LOCALES, 'pt', 'hy', 'ka', 'mn', undefined]) expect(textDir(lang), String(lang)).toBeUndefined();
  });
});

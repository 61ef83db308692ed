import { franc } from 'franc-min';

// The languages OGP members write their plans in, as franc names them (ISO 639-3), and Ahadi's content locales.
const LOCALE_OF_LANGUAGE: Readonly<Record<string, string>> = { eng: 'en', spa: 'es', fra: 'fr', por: 'pt' };
const CANDIDATES = Object.keys(LOCALE_OF_LANGUAGE);

// The first 400 characters decide as well as 3,000 on OGP's whole extract, at a fraction of the cost; below ~250 a few
// English texts full of names were misread (decision 006).
const WINDOW = 400;

/**
 * The content locale a text is written in, among English, Spanish, French and Portuguese: a closed list, because a
 * detector choosing among all the languages it knows is several times slower and confuses close ones on short texts.
 * `fallback` when the text is too short to tell.
 */
export function detectLocale(text: string, fallback: string): string {
  const language = franc(text.slice(0, WINDOW), { only: CANDIDATES });
  return LOCALE_OF_LANGUAGE[language] ?? fallback;
}

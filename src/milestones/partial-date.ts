import type { PartialDate } from '../commitments/commitment-record.ts';
import { foldAccents } from '../text/fold-accents.ts';

/**
 * Reads the dates found in OGP milestone tables and datasets ("février 2021", "Q3 2021", "7/16/2021", "2021") into a
 * date tagged with its precision. Anything doubtful comes back undefined so the caller keeps the raw text and warns:
 * a wrong date is worse than no date.
 */

/** Names as written after accents are removed and letters lower-cased (see `foldDateText`). */
const MONTH_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'januari'],
  2: ['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'februari'],
  3: ['march', 'mar', 'mars', 'marzo', 'machi'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprili'],
  5: ['may', 'mai', 'mayo', 'mei'],
  6: ['june', 'jun', 'juin', 'junio', 'juni'],
  7: ['july', 'jul', 'juillet', 'juil', 'julio', 'julai'],
  8: ['august', 'aug', 'aout', 'agosto', 'ago', 'agosti'],
  9: ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'set', 'septemba'],
  10: ['october', 'oct', 'octobre', 'octubre', 'oktoba'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novemba'],
  12: ['december', 'dec', 'decembre', 'diciembre', 'dic', 'desemba'],
};

const MONTH_BY_NAME = new Map<string, number>(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((name) => [name, Number(month)] as const)),
);

// Longest first, so that "septembre" is not read as "sept" followed by junk.
const MONTH_ALTERNATIVES = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * A month name in English, French, Spanish or Swahili, full or abbreviated. Match it against text folded with
 * `foldDateText` (or at least accent-free) with the `i` flag.
 */
export const MONTH_PATTERN = `(?<![a-z])(?:${MONTH_ALTERNATIVES})(?![a-z])`;

const QUARTER_ORDINAL = '(?:[1-4](?:st|nd|rd|th|er|re|eme|e|o|º)?|iv|iii|ii|i|first|second|third|fourth|premier|premiere|' +
  'deuxieme|troisieme|quatrieme|primer|primero|segundo|tercer|tercero|cuarto|kwanza|pili|tatu|nne)';

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  i: 1, ii: 2, iii: 3, iv: 4, first: 1, second: 2, third: 3, fourth: 4, premier: 1, premiere: 1, deuxieme: 2,
  troisieme: 3, quatrieme: 4, primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4, kwanza: 1, pili: 2,
  tatu: 3, nne: 4,
};

const YEAR_LINK = '(?:of\\s+|de\\s+|del\\s+|du\\s+|ya\\s+|wa\\s+)?(?:the\\s+year\\s+|year\\s+|l\'annee\\s+|ano\\s+|mwaka\\s+)?';

interface DateParts {
  year: number;
  month: number;
  day: number;
  precision: PartialDate['precision'];
}

interface DateForm {
  /** Capturing groups are read by `read`; the same source, made non-capturing, is used to find dates in a line. */
  source: string;
  read(groups: readonly (string | undefined)[]): DateParts | undefined;
}

const DAY_SUFFIX = '(?:er|st|nd|rd|th|o|º)?';

const DATE_FORMS: readonly DateForm[] = [
  {
    // "19 juillet 2022", "1 de febrero de 2021", "July 19, 2022", "February 2021", "febrero de 2021", "Feb. 2021"
    source: `(?:(\\d{1,2})${DAY_SUFFIX}\\s+(?:de\\s+)?)?(${MONTH_PATTERN})\\.?,?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?,?)?` +
      `(?:\\s+|\\s*-\\s*)(?:del?\\s+)?(\\d{4})`,
    read: ([dayBefore, monthName, dayAfter, year]) => {
      if (dayBefore !== undefined && dayAfter !== undefined) return undefined;
      const month = MONTH_BY_NAME.get(monthName ?? '');
      const day = dayBefore ?? dayAfter;
      if (month === undefined) return undefined;
      return { year: Number(year), month, day: day === undefined ? 1 : Number(day), precision: day === undefined ? 'month' : 'day' };
    },
  },
  {
    // "Q3 2021", "Q3/2021", "T1 2021" (French "trimestre")
    source: `[qt]([1-4])\\s*[-/,]?\\s*${YEAR_LINK}(\\d{4})`,
    read: ([quarter, year]) => quarterParts(Number(quarter), year),
  },
  {
    // "2021 Q3", "2021-Q3"
    source: '(\\d{4})\\s*[-/]?\\s*q([1-4])',
    read: ([year, quarter]) => quarterParts(Number(quarter), year),
  },
  {
    // "I quarter of 2019", "1er trimestre 2021", "primer trimestre de 2021", "first quarter 2021"
    source: `(${QUARTER_ORDINAL})\\s+(?:quarter|trimestre)\\s*,?\\s+${YEAR_LINK}(\\d{4})`,
    read: ([ordinal, year]) => quarterParts(readOrdinal(ordinal), year),
  },
  {
    // "Quarter 1 2020", "trimestre 2 de 2021", "robo ya kwanza ya mwaka 2021" (Swahili)
    source: `(?:quarter|trimestre|robo(?:\\s+ya)?)\\s+(${QUARTER_ORDINAL})\\s*,?\\s+${YEAR_LINK}(\\d{4})`,
    read: ([ordinal, year]) => quarterParts(readOrdinal(ordinal), year),
  },
  {
    // US order, as in OGP's spreadsheets: "7/16/2021"; two-digit years are this century ("7/16/21").
    source: '(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})',
    read: ([month, day, year]) => ({
      year: (year ?? '').length === 2 ? 2000 + Number(year) : Number(year), month: Number(month), day: Number(day), precision: 'day',
    }),
  },
  {
    source: '(\\d{4})-(\\d{1,2})-(\\d{1,2})',
    read: ([year, month, day]) => ({ year: Number(year), month: Number(month), day: Number(day), precision: 'day' }),
  },
  {
    source: '(\\d{4})-(\\d{1,2})',
    read: ([year, month]) => ({ year: Number(year), month: Number(month), day: 1, precision: 'month' }),
  },
  {
    source: '(\\d{4})',
    read: ([year]) => ({ year: Number(year), month: 1, day: 1, precision: 'year' }),
  },
];

const WHOLE_FORMS = DATE_FORMS.map((form) => ({ form, pattern: new RegExp(`^${form.source}$`, 'i') }));

function withoutCaptures(source: string): string {
  return source.replace(/\((?!\?)/g, '(?:');
}

const TOKEN_START = '(?<![a-z0-9])';
const TOKEN_END = '(?![a-z0-9])';

/** Any date `parsePartialDate` can read, without capturing groups, for finding dates inside a line of folded text. */
export const PARTIAL_DATE_PATTERN = `${TOKEN_START}(?:${DATE_FORMS.map((form) => withoutCaptures(form.source)).join('|')})${TOKEN_END}`;

/** "<month> <year>" (with an optional day), without capturing groups, for folded text. */
export const MONTH_YEAR_PATTERN = `${TOKEN_START}${withoutCaptures(DATE_FORMS[0]?.source ?? '')}${TOKEN_END}`;

/**
 * Lower-cases, removes accents and tidies spaces without changing the length of the text, so offsets found in the
 * folded text can cut the original.
 */
export function foldDateText(text: string): string {
  return foldAccents(text).replace(/[\u00a0\u202f\u2007]/g, ' ').toLowerCase();
}

export interface DateFound {
  /** Offset in the text that was searched. */
  index: number;
  raw: string;
  /** Undefined when the token looks like a date but is not one we trust (for example 7/16/1905). */
  date: PartialDate | undefined;
}

/** The "<month> <year>" dates in a longer line, such as the flattened rows of a milestone table. */
export function findMonthYears(line: string): DateFound[] {
  const folded = foldDateText(line);
  const pattern = new RegExp(MONTH_YEAR_PATTERN, 'gi');
  return [...folded.matchAll(pattern)].map((match) => {
    const raw = line.slice(match.index, match.index + match[0].length);
    return { index: match.index, raw, date: parsePartialDate(raw) };
  });
}

export function parsePartialDate(raw: string): PartialDate | undefined {
  const kept = raw.trim();
  const text = foldDateText(kept).replace(/\s+/g, ' ').replace(/[.,;]$/, '').trim();
  if (text === '') return undefined;
  for (const { form, pattern } of WHOLE_FORMS) {
    const match = pattern.exec(text);
    // The forms do not overlap: once one matches, a failed check means a bad date, not another form.
    if (match) return toPartialDate(form.read(match.slice(1)), kept);
  }
  return undefined;
}

function quarterParts(quarter: number | undefined, year: string | undefined): DateParts | undefined {
  if (quarter === undefined || quarter < 1 || quarter > 4) return undefined;
  return { year: Number(year), month: (quarter - 1) * 3 + 1, day: 1, precision: 'quarter' };
}

function readOrdinal(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const digit = /^([1-4])/.exec(word);
  return digit ? Number(digit[1]) : ORDINAL_WORDS[word];
}

// OGP started in 2011; years outside this window are typing or spreadsheet errors (Excel turns some dates into 1905).
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function toPartialDate(parts: DateParts | undefined, raw: string): PartialDate | undefined {
  if (parts === undefined || !isRealDate(parts)) return undefined;
  const date = `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`;
  return { date, precision: parts.precision, raw };
}

function isRealDate({ year, month, day }: DateParts): boolean {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

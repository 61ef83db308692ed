import { cleanText } from '../../text/clean-text.ts';
import { foldAccents } from '../../text/fold-accents.ts';

/**
 * A saved page as lines, each kept twice: as written, to cut values from, and folded (no accents, lower case,
 * straight apostrophes) at the same offsets, to match labels against whatever typography the page used.
 */
export interface PageLine {
  /** Offset of the line's first character in the page. */
  start: number;
  text: string;
  folded: string;
}

export interface PageText {
  text: string;
  folded: string;
  lines: PageLine[];
}

/**
 * A saved page's text, cleaned as every text that comes in (`cleanText`: a vertical tab or form feed from a word
 * processor becomes a line break, other control characters and noncharacters go) before its lines are cut.
 */
export function readPageText(raw: string): PageText {
  const text = cleanText(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ');
  const folded = foldForMatching(text);
  let start = 0;
  const lines = text.split('\n').map((line) => {
    const pageLine = { start, text: line, folded: folded.slice(start, start + line.length) };
    start += line.length + 1;
    return pageLine;
  });
  return { text, folded, lines };
}

/** Same length as the input, so offsets carry over from the folded text to the original. */
export function foldForMatching(text: string): string {
  let folded = '';
  for (const character of foldAccents(text)) {
    const lower = /[‘’ʼ′`´]/.test(character) ? "'" : character.toLowerCase();
    folded += lower.length === character.length ? lower : character;
  }
  return folded;
}

/**
 * A label as a regular expression source for folded text: any run of spaces or hyphens matches any other, spaces
 * may come or go before a final colon or question mark, and "œ" may be typed "oe".
 */
export function labelSource(label: string): string {
  const folded = foldForMatching(label.trim());
  const ending = /\s*([:?])$/.exec(folded);
  const body = ending ? folded.slice(0, ending.index) : folded;
  const words = body.split(/[\s-]+/).map((word) => escapeRegExp(word).replace(/œ/g, '(?:œ|oe)'));
  // Without a colon, a label ends at a word boundary: "Descriptions of ..." is prose, not the "Description" heading.
  const end = ending ? `\\s*\\${ending[1]}` : '(?![a-z0-9])';
  return words.join('[\\s-]+') + end;
}

/** One of several labels; longest first so that a label is not cut short by another that starts it. */
export function anyLabelSource(labels: readonly string[]): string {
  const sources = [...labels].sort((a, b) => b.length - a.length).map(labelSource);
  return `(?:${sources.join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** Label patterns are rebuilt from the same few tables on every line; compiling each once keeps parsing fast. */
export function cachedPattern(source: string, flags = 'i'): RegExp {
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    patterns.set(key, pattern);
  }
  return pattern;
}

/** "Label: value" at the start of a line; gives the value as written (possibly empty). */
export function labelledValue(line: PageLine, labels: readonly string[]): string | undefined {
  const length = labelLength(line, labels);
  return length === undefined ? undefined : line.text.slice(length).trim();
}

/** How much of the line the label takes, with a colon the page added after a label that usually has none. */
export function labelLength(line: PageLine, labels: readonly string[]): number | undefined {
  return cachedPattern(`^\\s*${anyLabelSource(labels)}(?:\\s*:)?`).exec(line.folded)?.[0].length;
}

/** A line holding only the label (a heading), perhaps followed by OGP's "i" info marker. */
export function isHeading(line: PageLine, labels: readonly string[]): boolean {
  return cachedPattern(`^\\s*${anyLabelSource(labels)}(?:\\s+i)?\\s*:?\\s*$`).test(line.folded);
}

/** Index of the first line in [from, to) for which `test` holds. */
export function findLine(lines: readonly PageLine[], test: (line: PageLine) => boolean, from = 0, to = lines.length): number | undefined {
  for (let index = Math.max(0, from); index < Math.min(to, lines.length); index += 1) {
    const line = lines[index];
    if (line && test(line)) return index;
  }
  return undefined;
}

export function isBlank(line: PageLine): boolean {
  return line.text.trim() === '';
}

/** Lines as paragraphs: consecutive lines join with a newline, blank lines separate paragraphs. */
export function paragraphs(lines: readonly string[]): string {
  const result: string[][] = [[]];
  for (const line of lines.map((text) => text.trim())) {
    const current = result[result.length - 1] ?? [];
    if (line === '') {
      if (current.length > 0) result.push([]);
    } else {
      current.push(line);
    }
  }
  return result.filter((block) => block.length > 0).map((block) => block.join('\n')).join('\n\n');
}

/** "a, b ,c," → ["a", "b", "c"] */
export function splitList(value: string): string[] {
  return value.split(/\s*[,;]\s*/).map((item) => item.trim().replace(/\.$/, '').trim()).filter((item) => item !== '');
}

/** The lines between two offsets of the page; the first and last may be parts of lines. */
export function linesBetween(page: PageText, from: number, to: number): PageLine[] {
  let start = from;
  return page.text.slice(from, Math.max(from, to)).split('\n').map((text) => {
    const line = { start, text, folded: page.folded.slice(start, start + text.length) };
    start += text.length + 1;
    return line;
  });
}

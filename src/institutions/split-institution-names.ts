import { slugify } from '../text/slugify.ts';

/** Cells that name no institution: OGP writes "NA", sheets also "N/A", "None", "Unclear", "-". */
const NO_INSTITUTION = /^(?:n\/?a|nd|none|unclear|tbd|-+|—)?$/i;

// Semicolons and the bullets that lists pasted from plans keep (•, ●, ▪, the Symbol font's \uf0b7, Wingdings' \uf06c)
// always separate.
const SEPARATORS = /[;•●▪◦\uf0b7\uf06c]+/;
const LINE_BREAK = /\r\n?|\n/;
// A line that starts a list item: a dash or star, "(a)", "(iv)", "(1)", "a)", "1." or "1)" before a space.
const LIST_ITEM = /^\s*(?:[-–—*·]|\((?:\d{1,2}|[a-z]{1,4})\)|(?:\d{1,2}|[a-z])[.)](?=\s))/;
const LEADING_MARK = /^[\s\-–—*·]+/;
const TRAILING_MARK = /[\s.,;:&]+$/;
// Words a name is never cut after, in the languages of OGP's plans ("Institute for", "Dirección General de").
const JOINING_WORD = /(?:^|[\s(])(?:of|for|and|the|de|del|des|la|y|et|e|do|da)$/;
// What no name starts with, so a line starting with it goes on the line before: "vernment", "(UAIP)", "10 and 13".
const CONTINUATION_START = /^[\p{Ll}\d(&]/u;

/**
 * The institutions named in a free-text cell, in order, each once. Commas are not separators by default: names hold
 * them ("Ministry of the Interior, Building and Community"); a source that separates by commas says so.
 * Line breaks separate names, except where a plan's column was wrapped in the middle of one (OGP's cells keep the
 * PDF's line breaks): see `continuesName`.
 */
export function splitInstitutionNames(cell: string, extraSeparator?: string): string[] {
  if (NO_INSTITUTION.test(cell.trim())) return [];
  const pieces = cell.split(SEPARATORS)
    .flatMap((piece) => (extraSeparator ? piece.split(extraSeparator) : [piece]))
    .flatMap(joinWrappedLines);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const name = piece.replace(LIST_ITEM, '').replace(LEADING_MARK, '').replace(TRAILING_MARK, '').replace(/\s+/g, ' ').trim();
    const slug = slugify(name);
    if (slug === '' || NO_INSTITUTION.test(name) || seen.has(slug)) continue;
    seen.add(slug);
    names.push(name);
  }
  return names;
}

/**
 * The lines of a piece, with each line that continues a wrapped name joined to it; a blank line ends a name. In a
 * list whose items start with a mark, a line without one indented deeper than the mark goes on with its item (the
 * hanging indent of a PDF list: "- Office of the Public Defender of the City of Buenos⏎ Aires").
 */
function joinWrappedLines(piece: string): string[] {
  const names: string[] = [];
  let current: string | undefined;
  let itemIndent: number | undefined;
  for (const line of piece.split(LINE_BREAK)) {
    const next = line.trim();
    const item = LIST_ITEM.test(line);
    if (current !== undefined && next !== '' && !item
      && ((itemIndent !== undefined && indentOf(line) > itemIndent) || continuesName(current, next))) {
      current = joinLines(current, next);
      continue;
    }
    if (current !== undefined) names.push(current);
    current = next === '' ? undefined : line;
    itemIndent = item ? indentOf(line) : undefined;
  }
  if (current !== undefined) names.push(current);
  return names;
}

/**
 * Whether `next` goes on with the name `previous` began, rather than starting a name of its own. A name is cut when
 * its line ends in a hyphen or a word such as "of" or "de", or leaves a parenthesis or a quotation open, or when the
 * next line starts as no name does (in lower case, with a number or a parenthesis). A line ending in a comma is cut
 * only inside a line of comma-separated names ("Ministry of Economy, Ministry of Trade,⏎Tourism and
 * Telecommunications"): in a list of one name a line, each ending in a comma, the comma ends the name.
 */
function continuesName(previous: string, next: string): boolean {
  const end = previous.trimEnd();
  return end.endsWith('-')
    || JOINING_WORD.test(end)
    || (end.endsWith(',') && end.slice(0, -1).includes(','))
    || count(end, '(') > count(end, ')')
    || count(end, '"') % 2 === 1
    || count(end, '“') > count(end, '”')
    || CONTINUATION_START.test(next);
}

/** "Go-" and "vernment" make "Government"; "Self-" and "Government" "Self-Government"; other lines join with a space. */
function joinLines(previous: string, next: string): string {
  const end = previous.trimEnd();
  if (/\p{L}-$/u.test(end)) return /^\p{Ll}/u.test(next) ? `${end.slice(0, -1)}${next}` : `${end}${next}`;
  return `${end} ${next}`;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

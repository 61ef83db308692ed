/**
 * Text as Ahadi stores it: without the characters that no text format we write can carry. XML 1.0 (XLSX, Atom)
 * refuses C0 control characters other than tab and line breaks, and a noncharacter such as U+FFFE made a whole XLSX
 * download unreadable; PostgreSQL refuses U+0000; in CSV or JSON they survive only to break the next reader. They
 * reach us from word processors (Word writes a manual line break in a table cell as a vertical tab) and from
 * spreadsheets pasted into forms.
 *
 * - Vertical tab, form feed, the file, group and record separators and NEL (U+0085) separate lines: they become a
 *   line break, so "Udhibiti\x0Bwa" stays two words.
 * - The unit separator separates fields: it becomes a space.
 * - Every other control character (C0, DEL, C1) but tab, line feed and carriage return is dropped, and so are
 *   noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane) and lone surrogates (half of an
 *   emoji cut in two), which no encoder can write.
 *
 * Applied where text comes in (importers' cells, form fields) and where it goes out in XML (XLSX, Atom), for rows
 * stored before (docs/decisions/006-importers.md, amendment of 2026-11-28).
 */
export function cleanText(text: string): string {
  return MAYBE_NOT_TEXT.test(text) ? text.replace(NOT_TEXT, replacement) : text;
}

// \p{Cc}: C0, DEL and C1 controls; \p{Cs}: a surrogate not part of a pair (in a `u` regex a pair is one code point).
const NOT_TEXT = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;
// The same by UTF-16 code units, and every surrogate (an emoji too): a `u` regex scans ten times slower, and an
// import looks at every cell of a 2 MB file, nearly all of which have nothing to clean.
const MAYBE_NOT_TEXT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const LINE_SEPARATORS = new Set(['\u000B', '\u000C', '\u001C', '\u001D', '\u001E', '\u0085']);

function replacement(character: string): string {
  if (LINE_SEPARATORS.has(character)) return '\n';
  return character === '\u001F' ? ' ' : '';
}

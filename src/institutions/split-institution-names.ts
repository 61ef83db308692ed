import { slugify } from '../text/slugify.ts';

/** Cells that name no institution: OGP writes "NA", sheets also "N/A", "None", "Unclear", "-". */
const NO_INSTITUTION = /^(?:n\/?a|nd|none|unclear|tbd|-+|—)?$/i;

// Line breaks, semicolons and the bullets that lists pasted from plans keep (•, ●, ▪, the Symbol font's \uf0b7).
const SEPARATORS = /[\n\r;•●▪◦\uf0b7]+/;
const LEADING_MARK = /^[\s\-–—*·]+/;
const TRAILING_MARK = /[\s.,;:]+$/;

/**
 * The institutions named in a free-text cell, in order, each once. Commas are not separators by default: names hold
 * them ("Ministry of the Interior, Building and Community"); a source that separates by commas says so.
 */
export function splitInstitutionNames(cell: string, extraSeparator?: string): string[] {
  if (NO_INSTITUTION.test(cell.trim())) return [];
  const pieces = cell.split(SEPARATORS).flatMap((piece) => (extraSeparator ? piece.split(extraSeparator) : [piece]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const name = piece.replace(LEADING_MARK, '').replace(TRAILING_MARK, '').replace(/\s+/g, ' ').trim();
    const slug = slugify(name);
    if (slug === '' || NO_INSTITUTION.test(name) || seen.has(slug)) continue;
    seen.add(slug);
    names.push(name);
  }
  return names;
}

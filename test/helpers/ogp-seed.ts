import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OgpPageError, parseOgpPage } from '../../src/importers/ogp-page/parse-ogp-page.ts';

/** The real seed page (read from ../shared, never copied) and ways to break it, for the page parser's tests. */
export const seed = readFileSync(path.resolve(process.cwd(), '../shared/seeds/KE0031.fr.txt'), 'utf8');

export function errorOf(text: string): OgpPageError {
  try {
    parseOgpPage(text);
  } catch (error) {
    if (error instanceof OgpPageError) return error;
    throw error;
  }
  throw new Error('expected an OgpPageError');
}

/** The seed with one line (found by its start) replaced; fails loudly if the line is not there. */
export function replaceLine(text: string, lineStart: string, replacement: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.trimStart().startsWith(lineStart));
  if (index === -1) throw new Error(`no line starts with ${lineStart}`);
  lines[index] = replacement;
  return lines.join('\n');
}

export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const found = typeof search === 'string' ? text.includes(search) : search.test(text);
  if (!found) throw new Error(`not in the text: ${String(search)}`);
  return text.replace(search, replacement);
}

import { EXTENSIONS } from './evidence-type.ts';

/**
 * The uploader's file name as shown beside the evidence (never used to find the file): the last path segment,
 * without control or invisible formatting characters (bidi overrides that disguise `exe.pdf` as `fdp.exe`, NUL),
 * trimmed, at most 255 characters with the extension kept, and "evidence" when nothing is left.
 */
const MAX_LENGTH = 255;
const FALLBACK = 'evidence';
// \p{Cc}: control characters (NUL, newlines, DEL); \p{Cf}: invisible format characters (bidi overrides, zero-width).
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // Line breaks and tabs become spaces before the other control characters go, so words stay apart.
  const name = base.normalize('NFC').replace(/\s+/gu, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  if (name === '' || name === '.' || name === '..') return FALLBACK;
  return shorten(name);
}

function shorten(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  const kept = extension.length > 0 && extension.length <= 16 ? extension : [];
  return (chars.slice(0, MAX_LENGTH - kept.length).join('').trimEnd() + kept.join(''));
}

/**
 * The name a file is served under: the uploader's, with the extension of the type found in its content added when
 * it does not already end with one (`report.exe` holding a PDF → `report.exe.pdf`), so that the browser and the
 * system that opens the download agree with the Content-Type. A type without known extensions (none is accepted
 * today) keeps its name; it is served as an attachment anyway.
 */
export function servedFileName(fileName: string, mediaType: string): string {
  const extensions = EXTENSIONS[mediaType] ?? [];
  const dot = fileName.lastIndexOf('.');
  const current = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (extensions.length === 0 || extensions.includes(current)) return fileName;
  return shorten(`${fileName}.${extensions[0]}`);
}

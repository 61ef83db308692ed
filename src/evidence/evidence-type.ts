import { fileTypeFromFile } from 'file-type';
import type { Received } from './evidence-store.ts';

/**
 * Which files are accepted as evidence, decided by their content, never by their name or the browser's claim
 * (decision 014): documents and images people publish, and plain text or CSV. Everything else is refused:
 * executables, archives, HTML, SVG, XML.
 */
const BINARY_TYPES = new Set([
  'application/pdf',
  'image/png', 'image/jpeg', 'image/webp', 'image/gif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/**
 * The file name extensions of each accepted type, the first one added to a served name that has none of them (a
 * PDF uploaded as `report.exe` is served as `report.exe.pdf`, text as `notes.txt`): a downloaded file must open as
 * what it is, never as the program its name claims (`run.bat` holding text).
 */
export const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'], 'image/jpeg': ['jpg', 'jpeg'], 'image/webp': ['webp'], 'image/gif': ['gif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
};

/** Types a browser may show in its own tab; everything else is downloaded. */
export const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif']);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The media type of an accepted file, or undefined to refuse it. Text is only text when no binary format is found,
 * it is valid UTF-8 without NUL bytes, and it does not open with markup (HTML, SVG, XML): browsers would render those.
 * Between the two text types the name's extension chooses, as both are served the same harmless way.
 */
export async function acceptedMediaType(received: Received, fileName: string): Promise<string | undefined> {
  const found = await fileTypeFromFile(received.tmpPath);
  if (found) return BINARY_TYPES.has(found.mime) ? found.mime : undefined;
  if (!received.text || opensWithMarkup(received.head)) return undefined;
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

function opensWithMarkup(head: Buffer): boolean {
  const start = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
  return /^\s*</.test(start.toString('utf8'));
}

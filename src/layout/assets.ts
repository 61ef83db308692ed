import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file served from this folder. Its URL carries its hash, so browsers may keep it forever and still see every
 * change.
 */
function asset(file: string, type: string): { body: Buffer; url: string; type: string } {
  const body = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), file));
  const [name, extension] = file.split('.');
  return { body, type, url: `/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${extension}` };
}

export const stylesheet = asset('site.css', 'text/css; charset=utf-8');
/** The page icon (a tick: a promise kept). Named by every page, so browsers do not ask for a missing /favicon.ico. */
export const icon = asset('icon.svg', 'image/svg+xml');

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A digest of the code, messages and styles this process runs (every file under src/), so that validators and
 * cache keys of rendered pages change with any release that could change a page, and are the same in every app
 * process that runs the same release (decision 017). Computed once at start-up, in a few milliseconds.
 */
export const BUILD_VERSION = digestTree(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

function digestTree(root: string): string {
  const hash = createHash('sha256');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => fs.statSync(path.join(root, file)).isFile())
    .sort();
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  return hash.digest('base64url').slice(0, 16);
}

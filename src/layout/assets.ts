import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const css = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'site.css'));

/** The stylesheet's URL carries its hash, so browsers may keep it forever and still see every change. */
export const stylesheet = {
  body: css,
  url: `/assets/site-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`,
};

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * Opaque cursors for keyset pagination: base64url of `{"q": <query fingerprint>, "k": [<sort key of the last item
 * sent>...]}`. The next page is "the items after k in the list's order", so inserts and deletes between requests
 * never repeat or skip an item. The fingerprint binds a cursor to the filters it was made for: used with other
 * filters it is refused (400 `cursor`) instead of silently paging through a different list.
 */
export type CursorKey = readonly (string | number | null)[];

// A key may hold slugs, and an institution's slug is as long as its name: OGP's dataset has names of 1,500 characters.
const CursorSchema = z.object({
  q: z.string().max(64),
  k: z.array(z.union([z.string().max(3000), z.number(), z.null()])).min(1).max(4),
});

export function encodeCursor(fingerprint: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, k: key })).toString('base64url');
}

/** The key a cursor carries, checked against the list's key shape; anything else is a 400 naming `cursor`. */
export function decodeCursor<K extends z.ZodType<CursorKey>>(value: string, fingerprint: string, keySchema: K): z.output<K> {
  const invalid = (why: string) => new AppError('invalid_input', `cursor: ${why}`, 'cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor given by this API');
  }
  const cursor = CursorSchema.safeParse(parsed);
  if (!cursor.success) throw invalid('not a cursor given by this API');
  if (cursor.data.q !== fingerprint) throw invalid('this cursor belongs to a list with other filters');
  const key = keySchema.safeParse(cursor.data.k);
  if (!key.success) throw invalid('not a cursor of this list');
  return key.data;
}

/**
 * A short hash of the filters that decide which items a list holds and in what order (not `cursor`, `limit` or
 * `locale`, which may change from one page to the next). Keys are sorted and so are the values of repeated
 * parameters, so `?a=1&a=2` and `?a=2&a=1` are the same list.
 */
export function queryFingerprint(query: Record<string, unknown>, ignore: readonly string[] = ['cursor', 'limit', 'locale']): string {
  const canonical = Object.keys(query).filter((key) => !ignore.includes(key) && query[key] !== undefined).sort()
    .map((key) => {
      const value = query[key];
      return [key, Array.isArray(value) ? value.map(String).sort() : value];
    });
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

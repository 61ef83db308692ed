import { z } from 'zod';
import { decodeCursor, encodeCursor, queryFingerprint, type CursorKey } from './cursor.ts';

/** `cursor` and `limit`, the pagination parameters of every list. */
export const PageQuerySchema = z.object({
  // Two keys of 3,000 characters (cursor.ts) in base64url, with room to spare; well within Node's 16 KB of headers.
  cursor: z.string().min(1).max(9000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** `{ data, nextCursor, total }`: `nextCursor` is null on the last page; `total` counts every matching item. */
export function listEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0).optional(),
  });
}

export type ListEnvelope<T> = { data: T[]; nextCursor: string | null; total?: number };

/**
 * Where a page starts, read from the request: the key after which to list (undefined on the first page), how many
 * to fetch (one more than the limit, to know whether another page follows), and the query's fingerprint.
 */
export function pageStart<K extends z.ZodType<CursorKey>>(query: Record<string, unknown> & { cursor?: string | undefined; limit: number }, keySchema: K) {
  const fingerprint = queryFingerprint(query);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint, keySchema);
  return { after, fetch: query.limit + 1, limit: query.limit, fingerprint };
}

/**
 * The envelope for rows fetched with `pageStart(...).fetch`: the extra row only says that a next page exists.
 * `present` may drop a row (undefined): the cursor still moves past it.
 */
export function pageOf<Row, Wire>(
  rows: Row[],
  start: { limit: number; fingerprint: string },
  keyOf: (row: Row) => CursorKey,
  present: (row: Row) => Wire | undefined,
  total?: number,
): ListEnvelope<Wire> {
  const page = rows.slice(0, start.limit);
  const last = page.at(-1);
  return {
    data: page.map(present).filter((wire): wire is Wire => wire !== undefined),
    nextCursor: rows.length > start.limit && last !== undefined ? encodeCursor(start.fingerprint, keyOf(last)) : null,
    ...(total === undefined ? {} : { total }),
  };
}

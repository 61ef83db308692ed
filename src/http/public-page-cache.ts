import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connect.ts';
import type { PageContext } from '../layout/layout.tsx';
import { sendPublicPage } from './page-context.ts';

/**
 * Rendered public pages for anonymous visitors, by version (decision 017), shared by every route of one process.
 * A page is kept as UTF-8 bytes ready to send: an entry is never stale, only unused, and old versions fall out by
 * size. Pages naming a signed-in person are never kept.
 */
export type PublicPageCache = {
  rendered: LRUCache<string, Buffer>;
  /**
   * The version of all public data (migration 011, decision 019). For anonymous visitors, the value read less than
   * `freshnessMs` ago is reused: what they see may be that much behind, as decision 017 allows.
   */
  dataVersion: (anonymous: boolean) => Promise<string>;
};

const RENDERED_PAGES_BYTES = 24 * 2 ** 20;

export function createPublicPageCache(db: Db, freshnessMs: number | undefined): PublicPageCache {
  let known: { version: string; readAt: number } | undefined;
  const read = async () => {
    const result = await sql<{ version: string }>`select version::text as version from public_data_version`.execute(db);
    const version = result.rows[0]?.version ?? '0';
    known = { version, readAt: Date.now() };
    return version;
  };
  return {
    rendered: new LRUCache<string, Buffer>({ maxSize: RENDERED_PAGES_BYTES, sizeCalculation: (html) => html.length }),
    dataVersion: async (anonymous) => {
      if (anonymous && freshnessMs && known && Date.now() - known.readAt < freshnessMs) return known.version;
      return read();
    },
  };
}

/**
 * Sends a public page that may show any public data (lists, search, member and institution pages): its version is
 * `page` (what names it: route, language, normalised parameters) at the current public data version. A browser
 * that has it gets a 304, an anonymous visitor a kept copy; `render` runs only when neither applies.
 */
export async function sendDataVersionedPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext,
  cache: PublicPageCache, page: string, render: () => Promise<string>): Promise<FastifyReply> {
  const version = `${page} @${await cache.dataVersion(!ctx.user)}`;
  return sendPublicPage(request, reply, ctx, { version, render: async () => {
    if (ctx.user) return render();
    const kept = cache.rendered.get(version);
    if (kept !== undefined) return kept;
    const html = Buffer.from(await render());
    cache.rendered.set(version, html);
    return html;
  } });
}

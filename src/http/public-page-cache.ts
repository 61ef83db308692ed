import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/connect.ts';
import type { PageContext } from '../layout/layout.tsx';
import { BUILD_VERSION } from '../layout/build-version.ts';
import { API_CACHE_CONTROL, clientHas, weakEtag } from './api/etag.ts';
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
 * Sends a public page that may show any public data (lists, search, member, institution, action plan and milestone
 * pages): for anonymous visitors its version is `page` (what names it: route, language, normalised parameters) at the
 * public data version; a browser that has it gets a 304, others a kept copy, and `render` runs only when neither
 * applies. `render` is given the data version the page is named by, for keeping parts of it (`createKeptParts`).
 * A signed-in person's page also shows what their role allows (workspace links), which no data version follows: it
 * is rendered every time, and its ETag is over its HTML.
 * A route that reads some of what the page shows before calling this (the record a 404 is decided on) reads the
 * version first (`readDataVersion`) and passes it: read after, a write committed in between would be kept, unseen,
 * under the newer version.
 */
export async function sendDataVersionedPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext,
  cache: PublicPageCache, page: string, render: (dataVersion: string) => Promise<string>,
  versionReadFirst?: string): Promise<FastifyReply> {
  const dataVersion = versionReadFirst ?? await readDataVersion(ctx, cache);
  if (ctx.user) return sendPublicPage(request, reply, ctx, await render(dataVersion));
  const version = `${page} @${dataVersion}`;
  return sendPublicPage(request, reply, ctx, { version, render: async () => {
    const kept = cache.rendered.get(version);
    if (kept !== undefined) return kept;
    const html = Buffer.from(await render(dataVersion));
    cache.rendered.set(version, html);
    return html;
  } });
}

/** The public data version a page for this visitor is named by: the one read recently for anonymous visitors. */
export function readDataVersion(ctx: PageContext, cache: PublicPageCache): Promise<string> {
  return cache.dataVersion(!ctx.user);
}

/**
 * Sends a public document that is the same for everyone (a feed), named `name` (route and normalised parameters),
 * as `sendDataVersionedPage` does a page: its ETag is the build and the name at `dataVersion`, which the caller read
 * (`cache.dataVersion(true)`) before anything the document shows; a client that has it gets a 304, and its bytes are
 * kept in the rendered-page cache, so `render` runs once per version. No `Vary: Cookie`: nothing in it depends on who
 * asks.
 */
export async function sendDataVersionedDocument(request: FastifyRequest, reply: FastifyReply, cache: PublicPageCache,
  name: string, type: string, dataVersion: string, render: () => Promise<string>): Promise<FastifyReply> {
  const version = `${name} @${dataVersion}`;
  const etag = weakEtag(`${BUILD_VERSION}\n${version}`);
  reply.header('etag', etag).header('cache-control', API_CACHE_CONTROL);
  if (clientHas(request, etag)) {
    return reply.code(304).send();
  }
  let body = cache.rendered.get(version);
  if (body === undefined) {
    body = Buffer.from(await render());
    cache.rendered.set(version, body);
  }
  return reply.type(type).send(body);
}

/**
 * Parts that several pages share, kept by a name that ends with the public data version they were read at (decision
 * 020): the count and facets of one filter state serve each of its pages and sorts. As the rendered pages, an entry
 * is never stale, only unused; entries are bounded by the length of their JSON. While one request makes a part,
 * others asking for the same name get that promise rather than make it again.
 */
export type KeptParts<P> = {
  /** The part, kept or being made, or undefined: then the caller makes it and hands it to `making`. */
  get: (name: string) => Promise<P> | undefined;
  making: (name: string, part: Promise<P>) => void;
  /** The part kept or being made under `name`, or else the one `make` makes, kept under it. */
  getOrMake: (name: string, make: () => Promise<P>) => Promise<P>;
};

export function createKeptParts<P extends object>(maxBytes: number): KeptParts<P> {
  const kept = new LRUCache<string, P>({ maxSize: maxBytes, sizeCalculation: (part) => JSON.stringify(part).length });
  const inProgress = new Map<string, Promise<P>>();
  const get = (name: string) => {
    const part = kept.get(name);
    return part === undefined ? inProgress.get(name) : Promise.resolve(part);
  };
  const making = (name: string, part: Promise<P>) => {
    inProgress.set(name, part);
    // A part that failed is not kept: its maker and those waiting for it fail, the next request makes it again.
    part.then((made) => { kept.set(name, made); }, () => undefined).finally(() => { inProgress.delete(name); });
  };
  return {
    get,
    making,
    getOrMake: (name, make) => {
      const existing = get(name);
      if (existing) return existing;
      const part = make();
      making(name, part);
      return part;
    },
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicPageCache } from '../public-page-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Rendered public pages and API responses, and the public data version they are kept by (decisions 017, 019, 021). */
    publicPageCache: PublicPageCache;
  }
  interface FastifyRequest {
    /** The version of all public data read before an API GET's queries: parts its handler keeps are named by it. */
    publicDataVersion?: string;
    /** The name a fresh API response is kept under once sent: its URL at `publicDataVersion`. */
    keptResponseName?: string;
  }
}

/**
 * API responses kept per public data version (decision 021). Every `/api/v1` route answers from public data only,
 * the same for every caller, so a GET's JSON body is kept under its URL at the version of all public data, in the
 * rendered-page cache the pages use. The version is read before the handler's queries, so a response is never kept
 * under a newer version than the data it shows; a write to public data gives every URL a new name. Only 200s are
 * kept; the ETag and 304 come after, from the body (`etagAndCacheControl`), so a kept body and a fresh one get the
 * same tag.
 */
export async function sendKeptResponse(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.method !== 'GET') return undefined;
  const cache = request.server.publicPageCache;
  request.publicDataVersion = await cache.dataVersion(true);
  const name = `api ${request.url} @${request.publicDataVersion}`;
  const kept = cache.rendered.get(name);
  if (kept === undefined) {
    request.keptResponseName = name;
    return undefined;
  }
  return reply.type('application/json; charset=utf-8').send(kept);
}

/** onSend hook: keeps a fresh 200 body under the name `sendKeptResponse` gave it. */
export async function keepResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.keptResponseName !== undefined && reply.statusCode === 200 && typeof payload === 'string') {
    request.server.publicPageCache.rendered.set(request.keptResponseName, Buffer.from(payload));
  }
  return payload;
}

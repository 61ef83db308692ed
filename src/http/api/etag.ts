import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Lists and records change when data is imported; a minute of caching spares the database without misleading. */
export const API_CACHE_CONTROL = 'public, max-age=60';

/** A weak validator: the same JSON body gives the same tag, whatever the instance or the time it was built. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` holds `*` or a list of tags; a weak comparison ignores the `W/` prefix (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** A GET or HEAD whose `If-None-Match` names `etag`: the client already has what would be sent, a 304 will do. */
export function clientHas(request: FastifyRequest, etag: string): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && etagMatches(request.headers['if-none-match'], etag);
}

/** onSend hook of API routes: tags a 200 body and answers 304, with no body, when the client already has it. */
export async function etagAndCacheControl(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  // A kept response (decision 021) is sent as the bytes it was kept as.
  if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
  const etag = weakEtag(payload);
  reply.header('etag', etag).header('cache-control', API_CACHE_CONTROL);
  if (clientHas(request, etag)) {
    reply.code(304).removeHeader('content-type');
    return '';
  }
  return payload;
}

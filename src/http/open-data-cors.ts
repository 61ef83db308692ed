import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The open data readable from a web page of any origin: a journalist's notebook, a civil-society dashboard or a
 * member's own site can fetch the API, the downloads, the feeds and the open-data package (CORS,
 * `Access-Control-Allow-Origin: *` on every answer of those paths, so that a shared cache never serves one without
 * it, and the preflight a conditional request needs). GET and HEAD only, and no credentials: the answers are public
 * and the same for everyone. Pages and forms stay same-origin, and their preflight stays a 404.
 * Written here rather than with @fastify/cors (decision 022): its per-request options, which a path-dependent policy
 * needs, cost ~40 µs on every request, pages included (10,000 → 7,000 req/s on a bare route).
 */
export function registerOpenDataCors(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (isOpenData(request.url)) {
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) return preflight(request, reply);
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag, Content-Disposition');
    }
    done();
  });
}

/** The answer to a browser asking whether it may send a GET (or HEAD) with these headers: yes, for a day. */
function preflight(request: FastifyRequest, reply: FastifyReply): void {
  const headers = request.headers['access-control-request-headers'];
  void reply.code(204)
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD')
    .header('access-control-max-age', '86400')
    .headers(typeof headers === 'string' ? { 'access-control-allow-headers': headers, vary: 'Access-Control-Request-Headers' } : {})
    .send();
}

const OPEN_DATA_PATH = /^\/(?:api\/|open-data\/|[a-z]{2}\/commitments\/download\.(?:csv|json|xlsx)(?:\?|$)|[a-z]{2}\/[^?]*(?:feed|commitments)\.atom(?:\?|$))/;

/** Whether a URL is open data: the API, a download of the list, a feed, or the open-data package. */
export function isOpenData(url: string): boolean {
  return OPEN_DATA_PATH.test(url);
}

import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The open data readable from a web page of any origin: a journalist's notebook, a civil-society dashboard or a
 * member's own site can fetch the API, the downloads, the feeds and the open-data package (CORS,
 * `Access-Control-Allow-Origin: *`, with the preflight a conditional request needs). GET and HEAD only, and no
 * credentials: the answers are public and the same for everyone. Pages and forms stay same-origin.
 */
export async function registerOpenDataCors(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) =>
      callback(null, isOpenData(request.url) ? OPEN : CLOSED),
  });
}

const OPEN: FastifyCorsOptions = { origin: '*', methods: ['GET', 'HEAD'], exposedHeaders: ['ETag', 'Content-Disposition'], maxAge: 86_400 };
const CLOSED: FastifyCorsOptions = { origin: false };

const OPEN_DATA_PATH = /^\/(?:api\/|open-data\/|[a-z]{2}\/commitments\/download\.(?:csv|json|xlsx)$|[a-z]{2}\/(?:.*\/)?(?:feed|commitments)\.atom$)/;

/** Whether a URL is open data: the API, a download of the list, a feed, or the open-data package. */
export function isOpenData(url: string): boolean {
  return OPEN_DATA_PATH.test(url.split('?', 1)[0]!);
}

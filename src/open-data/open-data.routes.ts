import type { FastifyInstance, FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { AppDeps } from '../http/server.ts';
import { clientHas, weakEtag } from '../http/api/etag.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { BUILD_VERSION } from '../layout/build-version.ts';
import { openDataPackage } from './open-data-package.ts';
import { openDataPage, PACKAGE_URL } from './open-data.page.tsx';
import { notFound } from '../http/errors.ts';
import { OPEN_DATA_TABLES } from './open-data-tables.ts';
import { rowJsonSchemaFile, schemaPath } from './table-schemas.ts';

type KeptPackage = { zip: Buffer; generatedAt: Date };

/** A package bigger than this is streamed every time rather than kept (the bench set's is 16 MB). */
const KEPT_PACKAGE_BYTES = 64 * 2 ** 20;

/**
 * `/open-data/ahadi-open-data.zip`: the whole open-data package at a stable address that is always current;
 * `/{locale}/open-data`: the page that explains it; `/open-data/schemas/{table}.schema.json`: each JSON Schema of
 * the package at its `$id`, so that the id resolves (decision 009, amended 2026-11-28). The package is made from the
 * live database and streamed, and kept, once sent whole, for the public data version it was read at (decision 009,
 * amended): until public data changes, a download is the kept bytes and a client that has them gets a 304.
 */
export function registerOpenDataRoutes(app: FastifyInstance, { db, config, web, pageCache }: AppDeps): void {
  // Only the newest version is of use; the one before stays while a download of it may still be starting.
  const kept = new LRUCache<string, KeptPackage>({ max: 2, maxSize: KEPT_PACKAGE_BYTES, sizeCalculation: (p) => p.zip.length });

  app.get(PACKAGE_URL, async (request, reply) => {
    const dataVersion = await pageCache.dataVersion(true);
    const etag = weakEtag(`${BUILD_VERSION}\nopen-data @${dataVersion}`);
    reply.header('etag', etag).header('cache-control', 'public, max-age=3600');
    if (clientHas(request, etag)) return reply.code(304).send();
    const known = kept.get(dataVersion);
    if (known) return sendPackage(reply, known.generatedAt).send(known.zip);
    const generatedAt = new Date();
    const stream = openDataPackage(db, { generatedAt, baseUrl: config.baseUrl });
    // Collected as it is sent; kept only when it ended whole (a failed query or a client gone ends it early).
    let chunks: Buffer[] | undefined = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > KEPT_PACKAGE_BYTES) chunks = undefined;
      chunks?.push(chunk);
    }).on('end', () => {
      if (chunks) kept.set(dataVersion, { zip: Buffer.concat(chunks), generatedAt });
    });
    return sendPackage(reply, generatedAt).send(stream);
  });

  app.get<{ Params: { file: string } }>('/open-data/schemas/:file', async (request, reply) => {
    const table = OPEN_DATA_TABLES.find((candidate) => schemaPath(candidate).endsWith(`/${request.params.file}`));
    if (!table) throw notFound('schema');
    // The schemas change only with the code, as the package's copies do.
    return reply.header('cache-control', 'public, max-age=3600').type('application/schema+json; charset=utf-8')
      .send(rowJsonSchemaFile(table, config.baseUrl));
  });

  app.get<{ Params: { locale: string } }>('/:locale/open-data', async (request, reply) => {
    const ctx = await publicPageContext(request, reply, { db, web });
    return sendPublicPage(request, reply, ctx, openDataPage(ctx));
  });
}

function sendPackage(reply: FastifyReply, generatedAt: Date): FastifyReply {
  return reply
    .header('content-disposition', `attachment; filename="ahadi-open-data-${generatedAt.toISOString().slice(0, 10)}.zip"`)
    .type('application/zip');
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { openDataPackage } from './open-data-package.ts';
import { openDataPage, PACKAGE_URL } from './open-data.page.tsx';

/**
 * `/open-data/ahadi-open-data.zip`: the whole open-data package, made on request from the live database and
 * streamed (a stable address that is always current); `/{locale}/open-data`: the page that explains it.
 */
export function registerOpenDataRoutes(app: FastifyInstance, { db, config, web }: AppDeps): void {
  app.get(PACKAGE_URL, async (_request, reply) => {
    const generatedAt = new Date();
    return reply
      .header('content-disposition', `attachment; filename="ahadi-open-data-${generatedAt.toISOString().slice(0, 10)}.zip"`)
      .header('cache-control', 'public, max-age=3600')
      .type('application/zip')
      .send(openDataPackage(db, { generatedAt, baseUrl: config.baseUrl }));
  });

  app.get<{ Params: { locale: string } }>('/:locale/open-data', async (request, reply) => {
    const ctx = await publicPageContext(request, reply, { db, web });
    return sendPublicPage(request, reply, ctx, openDataPage(ctx));
  });
}

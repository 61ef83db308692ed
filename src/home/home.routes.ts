import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { publicPageContext } from '../http/page-context.ts';
import { sendDataVersionedPage } from '../http/public-page-cache.ts';
import { listMembers } from '../members/member.queries.ts';
import { homePage } from './home.page.tsx';

export function registerHomeRoutes(app: FastifyInstance, { db, web, pageCache }: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/', async (request, reply) => {
    const ctx = await publicPageContext(request, reply, { db, web });
    return sendDataVersionedPage(request, reply, ctx, pageCache, `home ${ctx.intl.locale}`, async () => homePage(ctx, await listMembers(db)));
  });
}

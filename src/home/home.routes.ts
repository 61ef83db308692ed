import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { publicPageContext, sendPublicPage } from '../http/page-context.ts';
import { listMembers } from '../members/member.queries.ts';
import { homePage } from './home.page.tsx';

export function registerHomeRoutes(app: FastifyInstance, { db, web }: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/', async (request, reply) => {
    const [ctx, members] = await Promise.all([publicPageContext(request, reply, { db, web }), listMembers(db)]);
    return sendPublicPage(request, reply, ctx, homePage(ctx, members));
  });
}

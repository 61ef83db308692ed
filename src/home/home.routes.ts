import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { listMembers } from '../members/member.queries.ts';
import { homePage } from './home.page.tsx';

export function registerHomeRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const members = await listMembers(db);
    return reply.type('text/html; charset=utf-8').send(homePage({ intl, pathAfterLocale: '/' }, members));
  });
}

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import type { Db } from '../db/connect.ts';
import { negotiateLocale } from '../i18n/intl.ts';
import { stylesheet } from '../layout/assets.ts';
import { registerHomeRoutes } from '../home/home.routes.ts';
import { registerMemberRoutes } from '../members/member.routes.ts';
import { registerActionPlanRoutes } from '../action-plans/action-plan.routes.ts';
import { registerCommitmentRoutes } from '../commitments/commitment.routes.ts';
import { registerCommitmentApi } from '../commitments/commitment.api.ts';
import { AppError } from './errors.ts';
import { errorPage } from './error-page.tsx';

export type AppDeps = { db: Db };

export async function buildServer(deps: AppDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, routerOptions: { ignoreTrailingSlash: true } });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"] } },
  });

  app.get('/', async (request, reply) => reply.redirect(`/${negotiateLocale(request.headers['accept-language'])}/`, 302));
  app.get(stylesheet.url, async (_request, reply) => reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .type('text/css; charset=utf-8').send(stylesheet.body));

  registerHomeRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerActionPlanRoutes(app, deps);
  registerCommitmentRoutes(app, deps);
  registerCommitmentApi(app, deps);

  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found', 'no such page')));
  app.setErrorHandler((error, request, reply) => {
    if (!(error instanceof AppError)) request.log.error(error);
    return sendError(request, reply, error);
  });
  return app;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const known = error instanceof AppError ? error : undefined;
  const status = known?.status ?? 500;
  if (request.url.startsWith('/api/')) {
    const body = known
      ? { error: { code: known.code, message: known.message, ...(known.field ? { field: known.field } : {}) } }
      : { error: { code: 'internal', message: 'Internal error' } };
    return reply.status(status).send(body);
  }
  return reply.status(status).type('text/html; charset=utf-8')
    .send(errorPage(status === 404 ? 404 : 500, request.url, request.headers['accept-language']));
}

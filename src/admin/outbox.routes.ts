import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser } from '../accounts/current-user.ts';
import { listOutbox } from '../mail/outbox.queries.ts';
import { outboxPage } from './outbox.page.tsx';

/** `/{locale}/admin/outbox`: the latest 100 messages the portal wrote. */
export function registerOutboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { locale: string } }>('/:locale/admin/outbox', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'read_outbox', 'mail');
    const messages = await listOutbox(deps.db);
    return sendPrivatePage(reply, outboxPage(pageContext(request, reply, deps.web, user), { messages, smtp: deps.config.smtpUrl !== undefined }));
  });
}

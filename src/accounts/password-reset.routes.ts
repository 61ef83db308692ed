import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, parseForm } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { EmailSchema, newPasswordFields, passwordsMatch } from './account-forms.ts';
import { openResetEmail, requestPasswordReset, resetPassword } from './password-reset.ts';
import { linkExpiredPage, newPasswordPage, passwordResetRequestPage, passwordResetSentPage } from './password-reset.page.tsx';
import { beginAttempt } from './rate-limit.ts';
import { TOKEN } from './tokens.ts';

const RequestForm = z.object({ email: EmailSchema });
const newPasswordForm = (email: string) => z.object(newPasswordFields(email)).superRefine(passwordsMatch);

type Params = { Params: { locale: string; token?: string } };

/** `/{locale}/password-reset` (ask for a link) and `/{locale}/password-reset/{token}` (set a new password). */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, mailer, config } = deps;

  app.get<Params>('/:locale/password-reset', async (request, reply) => {
    const page = passwordResetRequestPage(pageContext(request, reply, web), { form: emptyForm(), csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page);
  });

  app.post<Params>('/:locale/password-reset', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const form = parseForm(RequestForm, request.body);
    if (!form.ok) {
      const page = passwordResetRequestPage(pageContext(request, reply, web), { form, csrfToken: csrfToken(web, request, reply) });
      return sendPrivatePage(reply, page, 400);
    }
    // Over the limit, nothing is sent, and the answer is the same, in the same time: it must not tell who has an
    // account. The link is queued with the attempt (one commit either way) and mailed once the answer is sent.
    const attempt = await beginAttempt(db, 'password_reset', form.data.email, request.ip,
      (trx) => requestPasswordReset(trx, mailer, config.baseUrl, intl.locale, form.data.email));
    await sendPrivatePage(reply, passwordResetSentPage(pageContext(request, reply, web)));
    if (attempt.allowed) {
      await mailer.deliverQueued(db).catch((error: unknown) => request.log.error({ err: error }, 'password reset mail not delivered'));
    }
    return reply;
  });

  app.get<Params>('/:locale/password-reset/:token', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const token = request.params.token ?? '';
    const ctx = pageContext(request, reply, web);
    if (!TOKEN.test(token) || !await openResetEmail(db, token)) return sendPrivatePage(reply, linkExpiredPage(ctx, 'passwordReset'), 410);
    const action = `/${intl.locale}/password-reset/${token}`;
    return sendPrivatePage(reply, newPasswordPage(ctx, { form: emptyForm(), csrfToken: csrfToken(web, request, reply), action }));
  });

  app.post<Params>('/:locale/password-reset/:token', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const token = request.params.token ?? '';
    const ctx = pageContext(request, reply, web);
    const email = TOKEN.test(token) ? await openResetEmail(db, token) : undefined;
    if (!email) return sendPrivatePage(reply, linkExpiredPage(ctx, 'passwordReset'), 410);
    const form = parseForm(newPasswordForm(email), request.body);
    const action = `/${intl.locale}/password-reset/${token}`;
    if (!form.ok) return sendPrivatePage(reply, newPasswordPage(ctx, { form, csrfToken: csrfToken(web, request, reply), action }), 400);
    if (!await resetPassword(db, token, form.data.password, request.ip)) return sendPrivatePage(reply, linkExpiredPage(ctx, 'passwordReset'), 410);
    return reply.redirect(`/${intl.locale}/sign-in?notice=password-changed`, 303);
  });
}

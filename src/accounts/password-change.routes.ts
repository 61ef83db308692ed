import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, parseForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { CurrentPasswordSchema, newPasswordFields, passwordsMatch } from './account-forms.ts';
import { currentUser, type CurrentUser } from './current-user.ts';
import { changePassword } from './password-change.ts';
import { passwordChangePage } from './password-change.page.tsx';

const passwordChangeForm = (email: string) => z.object({ currentPassword: CurrentPasswordSchema, ...newPasswordFields(email) })
  .superRefine(passwordsMatch);

type Params = { Params: { locale: string } };

/** `/{locale}/account/password`: change one's password while signed in. */
export function registerPasswordChangeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, mailer, config } = deps;

  app.get<Params>('/:locale/account/password', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_own_account', 'account');
    return render(request, reply, user, emptyForm(), 200);
  });

  app.post<Params>('/:locale/account/password', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_own_account', 'account');
    const intl = intlFromParams(request.params);
    const form = parseForm(passwordChangeForm(user.email), request.body);
    if (!form.ok) return render(request, reply, user, form, 400);
    const result = await changePassword(db, mailer, config.baseUrl, {
      accountId: user.id, sessionId: user.sessionId, ip: request.ip,
      currentPassword: form.data.currentPassword, newPassword: form.data.password,
    });
    if (result === 'too_many_attempts') return render(request, reply, user, { values: {}, errors: { currentPassword: 'account.error.tooManyAttempts' } }, 429);
    if (result === 'wrong_password') return render(request, reply, user, { values: {}, errors: { currentPassword: 'account.error.currentPasswordWrong' } }, 400);
    return reply.redirect(`/${intl.locale}/account?notice=password-changed`, 303);
  });

  function render(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, form: FormState, status: number) {
    const page = passwordChangePage(pageContext(request, reply, web, user), { form, csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page, status);
  }
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, parseForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { recordAccountEvent } from './account-events.ts';
import { CodeSchema } from './account-forms.ts';
import { countSessions } from './account.queries.ts';
import { accountPage, secondFactorSetUpPage } from './account.page.tsx';
import { currentUser, type CurrentUser } from './current-user.ts';
import { acceptSecondFactorCode, disableSecondFactor, enableSecondFactor, pendingTotpSecret } from './second-factor.ts';
import { clearSessionCookie, endAllSessions } from './session.ts';
import { totpUri } from './totp.ts';

const CodeForm = z.object({ code: CodeSchema });
const NOTICES: Record<string, string> = {
  'second-factor-enabled': 'account.notice.secondFactorEnabled',
  'second-factor-disabled': 'account.notice.secondFactorDisabled',
};

type Params = { Params: { locale: string }; Querystring: { notice?: string } };

/** `/{locale}/account`: one's own account, TOTP set-up, sign out everywhere. */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/account', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_own_account', 'account');
    const intl = intlFromParams(request.params);
    const notice = NOTICES[request.query.notice ?? ''];
    return renderAccount(request, reply, user, emptyForm(), 200, notice ? intl.t(notice) : undefined);
  });

  app.get<Params>('/:locale/account/two-factor', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'set_up_second_factor', 'account');
    const intl = intlFromParams(request.params);
    if (user.totpEnabled) return reply.redirect(`/${intl.locale}/account`, 303);
    return renderSetUp(request, reply, user, emptyForm(), 200);
  });

  app.post<Params>('/:locale/account/two-factor', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'set_up_second_factor', 'account');
    const intl = intlFromParams(request.params);
    if (user.totpEnabled) return reply.redirect(`/${intl.locale}/account`, 303);
    const form = parseForm(CodeForm, request.body);
    if (!form.ok) return renderSetUp(request, reply, user, form, 400);
    if (!await enableSecondFactor(db, user.id, form.data.code)) {
      return renderSetUp(request, reply, user, { values: {}, errors: { code: 'account.error.codeNotAccepted' } }, 400);
    }
    return reply.redirect(`/${intl.locale}/account?notice=second-factor-enabled`, 303);
  });

  app.post<Params>('/:locale/account/two-factor/disable', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'disable_second_factor', 'account');
    const intl = intlFromParams(request.params);
    if (!user.totpEnabled) return reply.redirect(`/${intl.locale}/account`, 303);
    const form = parseForm(CodeForm, request.body);
    if (!form.ok) return renderAccount(request, reply, user, form, 400);
    if (!await acceptSecondFactorCode(db, user.id, form.data.code)) {
      return renderAccount(request, reply, user, { values: {}, errors: { code: 'account.error.codeNotAccepted' } }, 400);
    }
    await disableSecondFactor(db, user.id);
    return reply.redirect(`/${intl.locale}/account?notice=second-factor-disabled`, 303);
  });

  app.post<Params>('/:locale/account/sign-out-everywhere', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_own_account', 'account');
    const intl = intlFromParams(request.params);
    await db.transaction().execute(async (trx) => {
      const ended = await endAllSessions(trx, user.id);
      await recordAccountEvent(trx, { kind: 'signed_out_everywhere', actorId: user.id, accountId: user.id, details: { sessions: ended } });
    });
    clearSessionCookie(web, reply);
    return reply.redirect(`/${intl.locale}/sign-in?notice=signed-out-everywhere`, 303);
  });

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, disableForm: FormState, status: number, notice?: string) {
    // Also shown after a refused form of /account/...: the language switcher keeps /account.
    const ctx = { ...pageContext(request, reply, web, user), pathAfterLocale: '/account' };
    const sessions = await countSessions(db, user.id);
    return sendPrivatePage(reply, accountPage(ctx, { user, sessions, notice, disableForm, csrfToken: csrfToken(web, request, reply) }), status);
  }

  async function renderSetUp(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, form: FormState, status: number) {
    const secret = await pendingTotpSecret(db, user.id);
    const ctx = pageContext(request, reply, web, user);
    const page = secondFactorSetUpPage(ctx, { user, secret, uri: totpUri(secret, user.email), form, csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page, status);
  }
}

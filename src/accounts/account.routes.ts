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
import { accountPage, recoveryCodesPage, secondFactorSetUpPage } from './account.page.tsx';
import { currentUser, type CurrentUser } from './current-user.ts';
import { countRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { checkSecondFactor, disableSecondFactor, enableSecondFactor, pendingTotpSecret, type SecondFactorCheck } from './second-factor.ts';
import { clearSessionCookie, endAllSessions } from './session.ts';
import { totpUri } from './totp.ts';
import { findGuidanceNotes } from '../publications/publication.queries.ts';

const CodeForm = z.object({ code: CodeSchema });
const ConfirmCodeForm = z.object({ confirmCode: CodeSchema });
const NOTICES: Record<string, string> = {
  'second-factor-disabled': 'account.notice.secondFactorDisabled',
  'recovery-code-used': 'account.notice.recoveryCodeUsed',
  'password-changed': 'account.notice.passwordChangedHere',
};
/** The message key for a refused code; undefined when the code was accepted. */
const codeError = (check: SecondFactorCheck) => check === 'too_many_attempts' ? 'account.error.tooManyAttempts'
  : check === 'not_accepted' ? 'account.error.codeNotAccepted' : undefined;

type Params = { Params: { locale: string }; Querystring: { notice?: string } };
/** The newest guidance notes a new point of contact finds on their first day; the rest are a link away. */
const GUIDANCE_ON_ACCOUNT_PAGE = 5;

/** `/{locale}/account`: one's own account, TOTP set-up, recovery codes, sign out everywhere. */
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
    const codes = await enableSecondFactor(db, user.id, form.data.code);
    if (!codes) return renderSetUp(request, reply, user, { values: {}, errors: { code: 'account.error.codeNotAccepted' } }, 400);
    // Answered here, not after a redirect: the codes exist in clear only in this response.
    return renderRecoveryCodes(request, reply, { ...user, totpEnabled: true }, codes, intl.t('account.notice.secondFactorEnabled'));
  });

  app.post<Params>('/:locale/account/recovery-codes', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_own_account', 'account');
    const intl = intlFromParams(request.params);
    if (!user.totpEnabled) return reply.redirect(`/${intl.locale}/account`, 303);
    const form = parseForm(ConfirmCodeForm, request.body);
    if (!form.ok) return renderAccount(request, reply, user, form, 400);
    const check = await checkSecondFactor(db, user, form.data.confirmCode, request.ip, { recoveryCode: false });
    const error = codeError(check);
    if (error) return renderAccount(request, reply, user, { values: {}, errors: { confirmCode: error } }, check === 'too_many_attempts' ? 429 : 400);
    const codes = await db.transaction().execute((trx) => replaceRecoveryCodes(trx, user.id));
    return renderRecoveryCodes(request, reply, user, codes);
  });

  app.post<Params>('/:locale/account/two-factor/disable', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'disable_second_factor', 'account');
    const intl = intlFromParams(request.params);
    if (!user.totpEnabled) return reply.redirect(`/${intl.locale}/account`, 303);
    const form = parseForm(CodeForm, request.body);
    if (!form.ok) return renderAccount(request, reply, user, form, 400);
    const check = await checkSecondFactor(db, user, form.data.code, request.ip, { recoveryCode: false });
    const error = codeError(check);
    if (error) return renderAccount(request, reply, user, { values: {}, errors: { code: error } }, check === 'too_many_attempts' ? 429 : 400);
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

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, form: FormState, status: number, notice?: string) {
    // Also shown after a refused form of /account/...: the language switcher keeps /account.
    const ctx = { ...pageContext(request, reply, web, user), pathAfterLocale: '/account' };
    const [sessions, recoveryCodes, guidance] = await Promise.all([
      countSessions(db, user.id), countRecoveryCodes(db, user.id), findGuidanceNotes(db, GUIDANCE_ON_ACCOUNT_PAGE)]);
    const page = accountPage(ctx, { user, sessions, recoveryCodes, guidance, notice, form, csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page, status);
  }

  function renderRecoveryCodes(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, codes: string[], notice?: string) {
    // The language switcher leads to the account page: the codes are not shown twice.
    const ctx = { ...pageContext(request, reply, web, user), pathAfterLocale: '/account' };
    return sendPrivatePage(reply, recoveryCodesPage(ctx, { codes, notice }));
  }

  async function renderSetUp(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, form: FormState, status: number) {
    const secret = await pendingTotpSecret(db, user.id);
    const ctx = pageContext(request, reply, web, user);
    const page = secondFactorSetUpPage(ctx, { user, secret, uri: totpUri(secret, user.email), form, csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page, status);
  }
}

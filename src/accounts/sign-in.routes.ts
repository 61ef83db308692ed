import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, formValues, parseForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, safeReturnPath, sendPrivatePage } from '../http/page-context.ts';
import { CurrentPasswordSchema, EmailSchema, SecondFactorCodeSchema } from './account-forms.ts';
import { findAccountByEmail } from './account.queries.ts';
import { currentUser } from './current-user.ts';
import { verifyNothing, verifyPassword } from './password.ts';
import { attemptSucceeded, beginAttempt } from './rate-limit.ts';
import { checkSecondFactor } from './second-factor.ts';
import { clearSessionCookie, endSession, findSession, sessionToken, setSessionCookie, startSession } from './session.ts';
import { secondFactorPage, signInPage } from './sign-in.page.tsx';

const SignInForm = z.object({
  email: EmailSchema,
  password: CurrentPasswordSchema,
});
const CodeForm = z.object({ code: SecondFactorCodeSchema });

/** Messages a redirect may ask the sign-in page to show. */
const NOTICES: Record<string, string> = {
  'account-created': 'account.notice.accountCreated',
  'password-changed': 'account.notice.passwordChanged',
  'signed-out-everywhere': 'account.notice.signedOutEverywhere',
};

type Params = { Params: { locale: string }; Querystring: { return?: string; notice?: string } };

/**
 * `/{locale}/sign-in` (e-mail and password, then the TOTP code when the account has one) and `/{locale}/sign-out`.
 * Failures get one generic message whether or not the address has an account; attempts are limited (rate-limit.ts).
 */
export function registerSignInRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/sign-in', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const returnTo = safeReturnPath(request.query.return);
    const user = await currentUser(deps, request);
    if (user) return reply.redirect(returnTo ?? `/${intl.locale}/account`, 303);
    const notice = NOTICES[request.query.notice ?? ''];
    return renderSignIn(request, reply, emptyForm(), returnTo, 200, notice ? intl.t(notice) : undefined);
  });

  app.post<Params>('/:locale/sign-in', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const returnTo = safeReturnPath(formValues(request.body).return);
    const form = parseForm(SignInForm, request.body);
    if (!form.ok) return renderSignIn(request, reply, form, returnTo, 400);
    const { email, password } = form.data;
    const retry = { values: { email } };
    const attempt = await beginAttempt(db, 'sign_in', email, request.ip);
    if (!attempt.allowed) return renderSignIn(request, reply, { ...retry, errors: { email: 'account.error.tooManyAttempts' } }, returnTo, 429);
    const account = await findAccountByEmail(db, email);
    const valid = account ? await verifyPassword(account.password_hash, password) : await verifyNothing(password);
    if (!account || !valid) return renderSignIn(request, reply, { ...retry, errors: { email: 'account.error.signInFailed' } }, returnTo, 401);
    await attemptSucceeded(db, attempt.id);

    const previous = sessionToken(web, request);
    if (previous) await endSession(db, previous);
    const secondFactorPending = account.totp_enabled_at !== null;
    setSessionCookie(web, reply, await startSession(db, account.id, { secondFactorPending }));
    if (secondFactorPending) {
      return reply.redirect(`/${intl.locale}/sign-in/two-factor${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`, 303);
    }
    return reply.redirect(afterSignIn(intl.locale, account.role, false, returnTo), 303);
  });

  app.get<Params>('/:locale/sign-in/two-factor', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const pending = await pendingSession(request);
    if (!pending) return reply.redirect(`/${intl.locale}/sign-in`, 303);
    return renderSecondFactor(request, reply, emptyForm(), safeReturnPath(request.query.return), 200);
  });

  app.post<Params>('/:locale/sign-in/two-factor', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const pending = await pendingSession(request);
    if (!pending) return reply.redirect(`/${intl.locale}/sign-in`, 303);
    const returnTo = safeReturnPath(formValues(request.body).return);
    const form = parseForm(CodeForm, request.body);
    if (!form.ok) return renderSecondFactor(request, reply, form, returnTo, 400);
    const account = await db.selectFrom('accounts').select(['id', 'email', 'role']).where('id', '=', pending.accountId).executeTakeFirstOrThrow();
    const check = await checkSecondFactor(db, account, form.data.code, request.ip, { recoveryCode: true });
    if (check === 'too_many_attempts') return renderSecondFactor(request, reply, { values: {}, errors: { code: 'account.error.tooManyAttempts' } }, returnTo, 429);
    if (check === 'not_accepted') return renderSecondFactor(request, reply, { values: {}, errors: { code: 'account.error.codeNotAccepted' } }, returnTo, 401);
    await endSession(db, pending.token);
    setSessionCookie(web, reply, await startSession(db, account.id));
    // After a recovery code, the account page says how many are left (and offers new ones).
    if (check === 'recovery_code') return reply.redirect(`/${intl.locale}/account?notice=recovery-code-used`, 303);
    return reply.redirect(afterSignIn(intl.locale, account.role, true, returnTo), 303);
  });

  app.post<Params>('/:locale/sign-out', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const token = sessionToken(web, request);
    if (token) await endSession(db, token);
    clearSessionCookie(web, reply);
    return reply.redirect(`/${intl.locale}/`, 303);
  });

  async function pendingSession(request: FastifyRequest) {
    const token = sessionToken(web, request);
    const session = token ? await findSession(db, token) : undefined;
    return session?.secondFactorPending && token ? { token, accountId: session.accountId } : undefined;
  }

  function renderSignIn(request: FastifyRequest, reply: FastifyReply, form: FormState, returnTo: string | undefined, status: number, notice?: string) {
    const ctx = pageContext(request, reply, web);
    return sendPrivatePage(reply, signInPage(ctx, { form, returnTo, notice, csrfToken: csrfToken(web, request, reply) }), status);
  }

  function renderSecondFactor(request: FastifyRequest, reply: FastifyReply, form: FormState, returnTo: string | undefined, status: number) {
    const ctx = pageContext(request, reply, web);
    return sendPrivatePage(reply, secondFactorPage(ctx, { form, returnTo, csrfToken: csrfToken(web, request, reply) }), status);
  }
}

/** Where a completed sign-in leads: an administrator without TOTP goes to set it up, before anything else. */
function afterSignIn(locale: string, role: string | null, hasSecondFactor: boolean, returnTo: string | undefined): string {
  if (role === 'administrator' && !hasSecondFactor) return `/${locale}/account/two-factor`;
  return returnTo ?? `/${locale}/account`;
}

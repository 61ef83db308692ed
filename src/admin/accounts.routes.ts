import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { notFound } from '../http/errors.ts';
import { emptyForm, parseForm, REQUIRED, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { findAccountSummary, listAccounts, type AccountSummary } from '../accounts/account.queries.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { resetSecondFactor } from '../accounts/second-factor.ts';
import { accountsPage, secondFactorResetPage } from './accounts.page.tsx';

const ResetForm = z.object({
  reason: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(1000, 'form.error.tooLong'),
});
const ACCOUNT_ID = /^[1-9][0-9]{0,17}$/;

type ListParams = { Params: { locale: string }; Querystring: { notice?: string } };
type ResetParams = { Params: { locale: string; id: string } };

/**
 * `/{locale}/admin/accounts` (every account) and `/{locale}/admin/accounts/{id}/second-factor` (an administrator
 * resets a person's lost second factor, with a reason; see second-factor.ts).
 */
export function registerAdminAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<ListParams>('/:locale/admin/accounts', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'list_accounts', 'account');
    const intl = intlFromParams(request.params);
    const notice = request.query.notice === 'second-factor-reset' ? intl.t('admin.notice.secondFactorReset') : undefined;
    const page = accountsPage(pageContext(request, reply, web, user), { accounts: await listAccounts(db), currentUserId: user.id, notice });
    return sendPrivatePage(reply, page);
  });

  app.get<ResetParams>('/:locale/admin/accounts/:id/second-factor', async (request, reply) => {
    const user = await currentUser(deps, request);
    const account = await accountOf(user, request);
    authorize(user, 'reset_second_factor', 'account', account);
    return render(request, reply, user, account, emptyForm(), 200);
  });

  app.post<ResetParams>('/:locale/admin/accounts/:id/second-factor', async (request, reply) => {
    const user = await currentUser(deps, request);
    const account = await accountOf(user, request);
    authorize(user, 'reset_second_factor', 'account', account);
    const intl = intlFromParams(request.params);
    const form = parseForm(ResetForm, request.body);
    if (!form.ok) return render(request, reply, user, account, form, 400);
    // Already off (another administrator was quicker): nothing to do, the list shows it.
    await resetSecondFactor(db, deps.mailer, deps.config.baseUrl, { actorId: user.id, accountId: account.id, reason: form.data.reason });
    return reply.redirect(`/${intl.locale}/admin/accounts?notice=second-factor-reset`, 303);
  });

  /** The account of the URL; only administrators learn whether it exists. */
  async function accountOf(user: CurrentUser | undefined, request: FastifyRequest<ResetParams>): Promise<AccountSummary> {
    authorize(user, 'list_accounts', 'account');
    const account = ACCOUNT_ID.test(request.params.id) ? await findAccountSummary(db, request.params.id) : undefined;
    if (!account) throw notFound('account');
    return account;
  }

  function render(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, account: AccountSummary, form: FormState, status: number) {
    const page = secondFactorResetPage(pageContext(request, reply, web, user), { account, form, csrfToken: csrfToken(web, request, reply) });
    return sendPrivatePage(reply, page, status);
  }
}

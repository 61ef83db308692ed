import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, TextArea } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import type { AccountSummary } from '../accounts/account.queries.ts';
import { roleDescription } from '../accounts/account-mail.ts';
import { formatInstant } from '../layout/format.ts';

const accountsUrl = (locale: string) => `/${locale}/admin/accounts`;
export const secondFactorResetUrl = (locale: string, accountId: string) => `/${locale}/admin/accounts/${accountId}/second-factor`;

const lastSignIn = (intl: Intl, at: Date | null) =>
  at ? formatInstant(intl, at) : intl.t('admin.accounts.neverSignedIn');

/** `/{locale}/admin/accounts`: every account, its role, second factor and last sign-in, with the reset of a lost second factor. */
export function accountsPage(ctx: PageContext, view: { accounts: AccountSummary[]; currentUserId: string; notice?: string | undefined }): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('admin.accounts.title'),
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{t('admin.accounts.title')}</h1>
        <Notice text={view.notice} />
        <p safe>{t('admin.accounts.intro')}</p>
        <div class="table-wrap">
          <table class="stack">
            <caption class="visually-hidden" safe>{t('admin.accounts.title')}</caption>
            <thead><tr>
              <th scope="col" safe>{t('account.name')}</th>
              <th scope="col" safe>{t('account.role')}</th>
              <th scope="col" safe>{t('account.secondFactor.heading')}</th>
              <th scope="col" safe>{t('admin.accounts.lastSignIn')}</th>
            </tr></thead>
            <tbody>
              {view.accounts.map((a) => (
                <tr>
                  <td data-label={t('account.name')}><span safe>{a.name}</span><br /><span class="muted" safe>{a.email}</span></td>
                  <td data-label={t('account.role')} safe>{roleDescription(intl, a.role, a.institutionName)}</td>
                  <td data-label={t('account.secondFactor.heading')}>
                    <span safe>{a.totpEnabled ? t('admin.accounts.secondFactorOn') : t('admin.accounts.secondFactorOff')}</span>
                    {a.totpEnabled && a.id !== view.currentUserId ? (
                      <><br /><a href={secondFactorResetUrl(intl.locale, a.id)} aria-label={t('admin.accounts.resetFor', { name: a.name })} safe>{t('admin.accounts.reset')}</a></>
                    ) : ''}
                  </td>
                  <td data-label={t('admin.accounts.lastSignIn')} safe>{lastSignIn(intl, a.lastSignInAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
  });
}

/** `/{locale}/admin/accounts/{id}/second-factor`: turn off a person's lost second factor, with a reason. */
export function secondFactorResetPage(ctx: PageContext, view: { account: AccountSummary; form: FormState; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const { account } = view;
  const title = t('admin.secondFactorReset.title', { name: account.name });
  const labels = { reason: t('admin.secondFactorReset.reason') };
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: [
      { href: `/${intl.locale}/account`, label: t('account.title') },
      { href: accountsUrl(intl.locale), label: t('admin.accounts.title') },
    ],
    children: (
      <>
        <h1 safe>{title}</h1>
        <dl class="facts">
          <dt safe>{t('account.email')}</dt><dd safe>{account.email}</dd>
          <dt safe>{t('account.role')}</dt><dd safe>{roleDescription(intl, account.role, account.institutionName)}</dd>
          <dt safe>{t('admin.accounts.lastSignIn')}</dt><dd safe>{lastSignIn(intl, account.lastSignInAt)}</dd>
        </dl>
        {account.totpEnabled ? (
          <>
            <p safe>{t('admin.secondFactorReset.explain')}</p>
            <ErrorSummary intl={intl} form={view.form} labels={labels} />
            <PostForm action={secondFactorResetUrl(intl.locale, account.id)} csrfToken={view.csrfToken} class="stack-form">
              <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('admin.secondFactorReset.reasonHint')} />
              <button type="submit" class="button" safe>{t('admin.secondFactorReset.submit')}</button>
            </PostForm>
          </>
        ) : <p safe>{t('admin.secondFactorReset.notOn')}</p>}
      </>
    ),
  });
}

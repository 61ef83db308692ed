import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import type { CurrentUser } from './current-user.ts';
import { roleDescription } from './account-mail.ts';
import { groupSecret } from './totp.ts';

type AccountView = {
  user: CurrentUser; sessions: number; csrfToken: string; notice?: string | undefined; disableForm: FormState;
};

/** `/{locale}/account`: who you are, your second factor, your sessions; links to the administration for administrators. */
export function accountPage(ctx: PageContext, view: AccountView): string {
  const { intl } = ctx;
  const t = intl.t;
  const { user } = view;
  const base = `/${intl.locale}`;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.title'), view.disableForm),
    children: (
      <>
        <h1 safe>{t('account.title')}</h1>
        <Notice text={view.notice} />
        <ErrorSummary intl={intl} form={view.disableForm} labels={{ code: t('account.code') }} />
        <dl class="facts">
          <dt safe>{t('account.name')}</dt><dd safe>{user.name}</dd>
          <dt safe>{t('account.email')}</dt><dd safe>{user.email}</dd>
          <dt safe>{t('account.role')}</dt><dd safe>{roleDescription(intl, user.role, user.institutionName)}</dd>
        </dl>

        {user.role === 'administrator' ? (
          <section aria-labelledby="administration">
            <h2 id="administration" safe>{t('admin.title')}</h2>
            <ul>
              <li><a href={`${base}/admin/invitations`} safe>{t('admin.invitations.title')}</a></li>
              <li><a href={`${base}/admin/outbox`} safe>{t('admin.outbox.title')}</a></li>
            </ul>
          </section>
        ) : ''}

        <section aria-labelledby="second-factor">
          <h2 id="second-factor" safe>{t('account.secondFactor.heading')}</h2>
          {user.totpEnabled ? (
            <>
              <p safe>{t('account.secondFactor.on')}</p>
              {user.role === 'administrator' ? <p class="muted" safe>{t('account.secondFactor.cannotDisable')}</p> : (
                <PostForm action={`${base}/account/two-factor/disable`} csrfToken={view.csrfToken} class="stack-form">
                  <TextField intl={intl} form={view.disableForm} name="code" label={t('account.code')} hint={t('account.code.hint')}
                    inputmode="numeric" autocomplete="one-time-code" spellcheck={false} />
                  <button type="submit" class="button secondary" safe>{t('account.secondFactor.disable')}</button>
                </PostForm>
              )}
            </>
          ) : (
            <>
              <p safe>{t('account.secondFactor.off')}</p>
              <p><a href={`${base}/account/two-factor`} safe>{t('account.secondFactor.setUp')}</a></p>
            </>
          )}
        </section>

        <section aria-labelledby="sessions">
          <h2 id="sessions" safe>{t('account.sessions.heading')}</h2>
          <p safe>{t('account.sessions.count', { count: view.sessions })}</p>
          <PostForm action={`${base}/account/sign-out-everywhere`} csrfToken={view.csrfToken}>
            <button type="submit" class="button secondary" safe>{t('account.sessions.signOutEverywhere')}</button>
          </PostForm>
        </section>
      </>
    ),
  });
}

type SetUpView = { user: CurrentUser; secret: string; uri: string; form: FormState; csrfToken: string };

/** `/{locale}/account/two-factor`: the secret as text and as an otpauth URI, and the code that confirms it. */
export function secondFactorSetUpPage(ctx: PageContext, view: SetUpView): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.secondFactor.setUpTitle'), view.form),
    children: (
      <>
        <h1 safe>{t('account.secondFactor.setUpTitle')}</h1>
        {view.user.role === 'administrator' ? <p class="note" safe>{t('account.secondFactor.requiredForAdministrators')}</p> : ''}
        <ErrorSummary intl={intl} form={view.form} labels={{ code: t('account.code') }} />
        <ol class="steps">
          <li safe>{t('account.secondFactor.step1')}</li>
          <li>
            <p safe>{t('account.secondFactor.step2')}</p>
            <dl class="facts">
              <dt safe>{t('account.secondFactor.key')}</dt><dd><code class="secret" safe>{groupSecret(view.secret)}</code></dd>
              <dt safe>{t('account.secondFactor.uri')}</dt><dd><code class="secret" safe>{view.uri}</code></dd>
            </dl>
          </li>
          <li safe>{t('account.secondFactor.step3')}</li>
        </ol>
        <SetUpForm intl={intl} form={view.form} csrfToken={view.csrfToken} />
      </>
    ),
  });
}

function SetUpForm({ intl, form, csrfToken }: { intl: Intl; form: FormState; csrfToken: string }) {
  const t = intl.t;
  return (
    <PostForm action={`/${intl.locale}/account/two-factor`} csrfToken={csrfToken} class="stack-form">
      <TextField intl={intl} form={form} name="code" label={t('account.code')} hint={t('account.code.hint')}
        inputmode="numeric" autocomplete="one-time-code" spellcheck={false} />
      <button type="submit" class="button" safe>{t('account.secondFactor.confirm')}</button>
    </PostForm>
  );
}

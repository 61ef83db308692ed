import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';

type View = { form: FormState; csrfToken: string; returnTo?: string | undefined; notice?: string | undefined };

const returnField = (returnTo: string | undefined) => returnTo ? <input type="hidden" name="return" value={returnTo} /> : '';

/** Sign-in with e-mail address and password. */
export function signInPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { email: t('account.email'), password: t('account.password') };
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.signIn.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.signIn.title')}</h1>
        <Notice text={view.notice} />
        <p safe>{t('account.signIn.intro')}</p>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={`/${intl.locale}/sign-in`} csrfToken={view.csrfToken} class="stack-form">
          {returnField(view.returnTo)}
          <TextField intl={intl} form={view.form} name="email" type="email" label={labels.email} autocomplete="username" spellcheck={false} />
          <TextField intl={intl} form={view.form} name="password" type="password" label={labels.password} autocomplete="current-password" />
          <button type="submit" class="button" safe>{t('account.signIn.submit')}</button>
        </PostForm>
        <p><a href={`/${intl.locale}/password-reset`} safe>{t('account.signIn.forgotPassword')}</a></p>
      </>
    ),
  });
}

/** The second step for accounts with TOTP: the code from the authenticator app, or a recovery code. */
export function secondFactorPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { code: t('account.code') };
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.secondFactor.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.secondFactor.title')}</h1>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={`/${intl.locale}/sign-in/two-factor`} csrfToken={view.csrfToken} class="stack-form">
          {returnField(view.returnTo)}
          {/* No numeric keyboard: a recovery code has letters. */}
          <TextField intl={intl} form={view.form} name="code" label={labels.code} hint={t('account.secondFactor.codeHint')}
            autocomplete="one-time-code" spellcheck={false} />
          <button type="submit" class="button" safe>{t('account.secondFactor.submit')}</button>
        </PostForm>
      </>
    ),
  });
}

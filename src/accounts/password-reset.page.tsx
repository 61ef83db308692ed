import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import type { Intl } from '../i18n/intl.ts';

/** `/{locale}/password-reset`: ask for a link. */
export function passwordResetRequestPage(ctx: PageContext, view: { form: FormState; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { email: t('account.email') };
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.passwordReset.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.passwordReset.title')}</h1>
        <p safe>{t('account.passwordReset.intro')}</p>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={`/${intl.locale}/password-reset`} csrfToken={view.csrfToken} class="stack-form">
          <TextField intl={intl} form={view.form} name="email" type="email" label={labels.email} autocomplete="email" spellcheck={false} />
          <button type="submit" class="button" safe>{t('account.passwordReset.submit')}</button>
        </PostForm>
      </>
    ),
  });
}

/** The same answer whether or not the address has an account. */
export function passwordResetSentPage(ctx: PageContext): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('account.passwordReset.sentTitle'),
    children: (
      <>
        <h1 safe>{t('account.passwordReset.sentTitle')}</h1>
        <p role="status" safe>{t('account.passwordReset.sent')}</p>
        <p><a href={`/${intl.locale}/sign-in`} safe>{t('account.signIn.title')}</a></p>
      </>
    ),
  });
}

/** `/{locale}/password-reset/{token}` and `/{locale}/invitations/{token}` when the link no longer works. */
export function linkExpiredPage(ctx: PageContext, kind: 'passwordReset' | 'invitation'): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('account.linkExpired.title'),
    children: (
      <>
        <h1 safe>{t('account.linkExpired.title')}</h1>
        <p safe>{t(`account.linkExpired.${kind}`)}</p>
        {kind === 'passwordReset'
          ? <p><a href={`/${intl.locale}/password-reset`} safe>{t('account.passwordReset.askAgain')}</a></p>
          : <p><a href={`/${intl.locale}/sign-in`} safe>{t('account.signIn.title')}</a></p>}
      </>
    ),
  });
}

export const newPasswordLabels = (t: (id: string) => string) => ({
  password: t('account.newPassword'), passwordConfirmation: t('account.passwordConfirmation'),
});

/** The new password twice and the button, as a reset and a change both end. */
export function NewPasswordFields({ intl, form }: { intl: Intl; form: FormState }) {
  const labels = newPasswordLabels(intl.t);
  return (
    <>
      <TextField intl={intl} form={form} name="password" type="password" label={labels.password}
        hint={intl.t('account.newPassword.hint')} autocomplete="new-password" />
      <TextField intl={intl} form={form} name="passwordConfirmation" type="password" label={labels.passwordConfirmation} autocomplete="new-password" />
      <button type="submit" class="button" safe>{intl.t('account.newPassword.submit')}</button>
    </>
  );
}

/** `/{locale}/password-reset/{token}`: choose a new password. */
export function newPasswordPage(ctx: PageContext, view: { form: FormState; csrfToken: string; action: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = newPasswordLabels(t);
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.newPassword.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.newPassword.title')}</h1>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={view.action} csrfToken={view.csrfToken} class="stack-form">
          <NewPasswordFields intl={intl} form={view.form} />
        </PostForm>
      </>
    ),
  });
}

import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import { NewPasswordFields, newPasswordLabels } from './password-reset.page.tsx';

/** `/{locale}/account/password`: the current password, then the new one twice (the same rules as a reset). */
export function passwordChangePage(ctx: PageContext, view: { form: FormState; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { currentPassword: t('account.currentPassword'), ...newPasswordLabels(t) };
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.changePassword.title'), view.form),
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{t('account.changePassword.title')}</h1>
        <p safe>{t('account.changePassword.intro')}</p>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={`/${intl.locale}/account/password`} csrfToken={view.csrfToken} class="stack-form">
          <TextField intl={intl} form={view.form} name="currentPassword" type="password" label={labels.currentPassword} autocomplete="current-password" />
          <NewPasswordFields intl={intl} form={view.form} />
        </PostForm>
      </>
    ),
  });
}

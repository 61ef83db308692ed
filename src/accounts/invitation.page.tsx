import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import { roleDescription } from './account-mail.ts';
import { newPasswordLabels } from './password-reset.page.tsx';
import type { Role } from './roles.ts';

type View = {
  form: FormState; csrfToken: string; action: string;
  invitation: { email: string; role: Role; institutionName: string | null };
};

/** `/{locale}/invitations/{token}`: the invited person gives their name and sets their password. */
export function invitationPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { name: t('account.name'), ...newPasswordLabels(t) };
  const { invitation } = view;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.invitation.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.invitation.title')}</h1>
        <p safe>{t('account.invitation.intro', { role: roleDescription(intl, invitation.role, invitation.institutionName) })}</p>
        <dl class="facts">
          <dt safe>{t('account.email')}</dt><dd safe>{invitation.email}</dd>
        </dl>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={view.action} csrfToken={view.csrfToken} class="stack-form">
          <TextField intl={intl} form={view.form} name="name" label={labels.name} autocomplete="name" />
          <TextField intl={intl} form={view.form} name="password" type="password" label={labels.password}
            hint={t('account.newPassword.hint')} autocomplete="new-password" />
          <TextField intl={intl} form={view.form} name="passwordConfirmation" type="password" label={labels.passwordConfirmation} autocomplete="new-password" />
          <button type="submit" class="button" safe>{t('account.invitation.submit')}</button>
        </PostForm>
      </>
    ),
  });
}

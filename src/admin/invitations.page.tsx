import type { Intl } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { languageName } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, SelectField, TextField, type SelectGroup } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import { ROLES } from '../accounts/roles.ts';
import type { InstitutionChoice, InvitationSummary, PersonWithRole } from '../accounts/account.queries.ts';

type View = {
  form: FormState; csrfToken: string; notice?: string | undefined;
  invitations: InvitationSummary[]; people: PersonWithRole[]; institutions: InstitutionChoice[];
};

export const inviteLabels = (t: Intl['t']) => ({
  email: t('account.email'), name: t('account.name'), role: t('account.role'),
  institution: t('admin.invite.institution'), locale: t('admin.invite.locale'),
});

/** Institutions grouped by member, for a select. */
export function institutionGroups(intl: Intl, institutions: InstitutionChoice[]): SelectGroup[] {
  const groups = new Map<string, SelectGroup>();
  for (const i of institutions) {
    const label = i.memberName ?? intl.t('admin.invite.noMember');
    if (!groups.has(label)) groups.set(label, { label, options: [] });
    groups.get(label)!.options.push({ value: i.id, label: i.name });
  }
  return [...groups.values()];
}

export const localeOptions = (intl: Intl) => LOCALES.map((l) => ({ value: l, label: languageName(l, intl.locale) }));

/** `/{locale}/admin/invitations`: invite a person; the invitations so far; everyone who holds a role. */
export function invitationsPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = inviteLabels(t);
  const base = `/${intl.locale}`;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('admin.invitations.title'), view.form),
    breadcrumbs: [{ href: `${base}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{t('admin.invitations.title')}</h1>
        <Notice text={view.notice} />
        <section aria-labelledby="invite">
          <h2 id="invite" safe>{t('admin.invite.heading')}</h2>
          <ErrorSummary intl={intl} form={view.form} labels={labels} />
          <PostForm action={`${base}/admin/invitations`} csrfToken={view.csrfToken} class="stack-form">
            <TextField intl={intl} form={view.form} name="email" type="email" label={labels.email} spellcheck={false} autocomplete="off" />
            <TextField intl={intl} form={view.form} name="name" label={labels.name} autocomplete="off" />
            <SelectField intl={intl} form={view.form} name="role" label={labels.role}
              options={ROLES.map((r) => ({ value: r, label: t(`account.role.${r}`) }))} />
            <SelectField intl={intl} form={view.form} name="institution" label={labels.institution} hint={t('admin.invite.institutionHint')}
              emptyLabel={t('admin.invite.noInstitution')} options={institutionGroups(intl, view.institutions)} />
            <SelectField intl={intl} form={view.form} name="locale" label={labels.locale} options={localeOptions(intl)} />
            <button type="submit" class="button" safe>{t('admin.invite.submit')}</button>
          </PostForm>
        </section>

        <section aria-labelledby="invitations">
          <h2 id="invitations" safe>{t('admin.invitations.list')}</h2>
          {view.invitations.length === 0 ? <p safe>{t('admin.invitations.none')}</p> : (
            <div class="table-wrap">
              <table class="stack">
                <caption class="visually-hidden" safe>{t('admin.invitations.list')}</caption>
                <thead><tr>
                  <th scope="col" safe>{t('account.name')}</th>
                  <th scope="col" safe>{t('account.role')}</th>
                  <th scope="col" safe>{t('admin.invitations.status')}</th>
                  <th scope="col" safe>{t('admin.invitations.invitedBy')}</th>
                  <th scope="col"><span class="visually-hidden" safe>{t('admin.invitations.actions')}</span></th>
                </tr></thead>
                <tbody>
                  {view.invitations.map((i) => (
                    <tr>
                      <td data-label={t('account.name')}><span safe>{i.name}</span><br /><span class="muted" safe>{i.email}</span></td>
                      <td data-label={t('account.role')} safe>{i.institutionName ? t('account.roleAt', { role: t(`account.role.${i.role}`), institution: i.institutionName }) : t(`account.role.${i.role}`)}</td>
                      <td data-label={t('admin.invitations.status')} safe>{t(`admin.invitations.status.${i.status}`, { date: intl.formatDate(i.status === 'pending' ? i.expiresAt : i.createdAt, { dateStyle: 'medium' }) })}</td>
                      <td data-label={t('admin.invitations.invitedBy')} safe>{i.invitedBy ?? t('admin.invitations.commandLine')}</td>
                      <td>
                        {i.status === 'pending' ? (
                          <PostForm action={`${base}/admin/invitations/${i.id}/revoke`} csrfToken={view.csrfToken}>
                            <button type="submit" class="button secondary" aria-label={t('admin.invitations.revokeFor', { name: i.name })} safe>{t('admin.invitations.revoke')}</button>
                          </PostForm>
                        ) : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="people">
          <h2 id="people" safe>{t('admin.people.heading')}</h2>
          <div class="table-wrap">
            <table class="stack">
              <caption class="visually-hidden" safe>{t('admin.people.heading')}</caption>
              <thead><tr>
                <th scope="col" safe>{t('account.name')}</th>
                <th scope="col" safe>{t('account.role')}</th>
                <th scope="col" safe>{t('account.secondFactor.heading')}</th>
              </tr></thead>
              <tbody>
                {view.people.map((p) => (
                  <tr>
                    <td data-label={t('account.name')}><span safe>{p.name}</span><br /><span class="muted" safe>{p.email}</span></td>
                    <td data-label={t('account.role')}>
                      <span safe>{p.institutionName ? t('account.roleAt', { role: t(`account.role.${p.role}`), institution: p.institutionName }) : t(`account.role.${p.role}`)}</span>
                      {p.role === 'point_of_contact' && p.institutionSlug ? (
                        <><br /><a href={pointOfContactUrl(intl.locale, p.institutionSlug, p.memberSlug)} safe>{t('admin.people.changePoc')}</a></>
                      ) : ''}
                    </td>
                    <td data-label={t('account.secondFactor.heading')} safe>{p.totpEnabled ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </>
    ),
  });
}

export function pointOfContactUrl(locale: string, institutionSlug: string, memberSlug: string | null): string {
  return `/${locale}/admin/institutions/${institutionSlug}/point-of-contact${memberSlug ? `?member=${encodeURIComponent(memberSlug)}` : ''}`;
}

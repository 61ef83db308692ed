import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, SelectField, TextArea, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import type { AccountEventView } from '../accounts/account.queries.ts';
import { formatInstant } from '../layout/format.ts';
import { localeOptions } from './invitations.page.tsx';

type View = {
  institution: { name: string; memberName: string | null };
  current: { name: string; email: string }[];
  pending: { name: string; email: string }[];
  events: AccountEventView[];
  form: FormState; csrfToken: string; action: string; notice?: string | undefined;
};

export const handOverLabels = (t: Intl['t']) => ({
  email: t('account.email'), name: t('account.name'), locale: t('admin.invite.locale'), reason: t('admin.handOver.reason'),
});

/** `/{locale}/admin/institutions/{slug}/point-of-contact`: who speaks for the institution, the hand-over, its history. */
export function pointOfContactPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = handOverLabels(t);
  const title = t('admin.handOver.title', { institution: view.institution.name });
  const people = (list: { name: string; email: string }[]) => list.length === 0 ? <p safe>{t('common.none')}</p> : (
    <ul>{list.map((p) => <li><span safe>{p.name}</span> <span class="muted" safe>{`<${p.email}>`}</span></li>)}</ul>
  );
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: [
      { href: `/${intl.locale}/account`, label: t('account.title') },
      { href: `/${intl.locale}/admin/invitations`, label: t('admin.invitations.title') },
    ],
    children: (
      <>
        {view.institution.memberName ? <p class="muted" safe>{view.institution.memberName}</p> : ''}
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <h2 safe>{t('admin.handOver.current')}</h2>
        {people(view.current)}
        {view.pending.length > 0 ? <><h3 safe>{t('admin.handOver.pending')}</h3>{people(view.pending)}</> : ''}

        <section aria-labelledby="hand-over">
          <h2 id="hand-over" safe>{t('admin.handOver.heading')}</h2>
          <p safe>{t('admin.handOver.explain')}</p>
          <ErrorSummary intl={intl} form={view.form} labels={labels} />
          <PostForm action={view.action} csrfToken={view.csrfToken} class="stack-form">
            <TextField intl={intl} form={view.form} name="email" type="email" label={labels.email} spellcheck={false} autocomplete="off" />
            <TextField intl={intl} form={view.form} name="name" label={labels.name} hint={t('admin.handOver.nameHint')} autocomplete="off" optional />
            <SelectField intl={intl} form={view.form} name="locale" label={labels.locale} options={localeOptions(intl)} />
            <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} optional />
            <button type="submit" class="button" safe>{t('admin.handOver.submit')}</button>
          </PostForm>
        </section>

        <section aria-labelledby="history">
          <h2 id="history" safe>{t('admin.handOver.history')}</h2>
          {view.events.length === 0 ? <p safe>{t('admin.handOver.noHistory')}</p> : (
            <ol class="history">
              {view.events.map((e) => (
                <li>
                  <time datetime={e.occurredAt.toISOString()} safe>{formatInstant(intl, e.occurredAt)}</time>
                  {' '}<span safe>{describeEvent(intl, e)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </>
    ),
  });
}

/** One line of the institution's memory: "Asha Mwangi handed over from Jane Doe to John Roe (reason)". */
export function describeEvent(intl: Intl, e: AccountEventView): string {
  const t = intl.t;
  const d = e.details as {
    name?: string; email?: string; reason?: string | null; from?: { name: string }[]; to?: { name: string }; demo?: boolean;
  };
  const actor = e.actorName ?? t('admin.event.system');
  const person = e.accountName ?? d.name ?? d.email ?? '';
  const line = (() => {
    switch (e.kind) {
      case 'point_of_contact_handed_over':
        return t('admin.event.handedOver', {
          actor, to: d.to?.name ?? '',
          from: d.from && d.from.length > 0 ? intl.formatList(d.from.map((f) => f.name), { type: 'conjunction' }) as string : t('common.none'),
        });
      case 'account_created':
        return d.demo ? t('admin.event.demoAccountCreated', { person }) : t('admin.event.accountCreated', { actor, person });
      case 'invited': return t('admin.event.invited', { actor, person });
      case 'invitation_revoked': return t('admin.event.invitationRevoked', { actor, person });
      case 'invitation_accepted': return t('admin.event.invitationAccepted', { person });
      case 'role_granted': return t('admin.event.roleGranted', { actor, person });
      case 'role_removed': return t('admin.event.roleRemoved', { actor, person });
      case 'second_factor_reset': return t('admin.event.secondFactorReset', { actor, person });
      default: return t('admin.event.other', { actor, person });
    }
  })();
  return d.reason ? t('admin.event.withReason', { line, reason: d.reason }) : line;
}

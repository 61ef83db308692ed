import { Layout, type PageContext } from '../layout/layout.tsx';
import type { OutboxKind } from '../db/schema.ts';
import type { OutboxMessage } from '../mail/outbox.queries.ts';
import { formatInstant } from '../layout/format.ts';

/** The label of every kind of mail the portal sends: a new kind does not compile without one (and outbox-kinds.test.ts checks the database's list). */
export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  invitation: 'admin.outbox.kind.invitation',
  password_reset: 'admin.outbox.kind.password_reset',
  round_opened: 'admin.outbox.kind.round_opened',
  round_deadline_reminder: 'admin.outbox.kind.round_deadline_reminder',
  milestone_overdue_reminder: 'admin.outbox.kind.milestone_overdue_reminder',
  password_changed: 'admin.outbox.kind.password_changed',
  second_factor_reset: 'admin.outbox.kind.second_factor_reset',
  point_of_contact_handed_over: 'admin.outbox.kind.point_of_contact_handed_over',
};

/** `/{locale}/admin/outbox`: the portal's e-mail. Without SMTP, administrators pass the links on from here. */
export function outboxPage(ctx: PageContext, view: { messages: OutboxMessage[]; smtp: boolean }): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('admin.outbox.title'),
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{t('admin.outbox.title')}</h1>
        <p safe>{view.smtp ? t('admin.outbox.withSmtp') : t('admin.outbox.withoutSmtp')}</p>
        {view.messages.length === 0 ? <p safe>{t('admin.outbox.empty')}</p> : view.messages.map((m) => (
          <article class="message" aria-labelledby={`message-${m.id}`}>
            <h2 id={`message-${m.id}`} safe>{m.subject}</h2>
            <dl class="facts">
              <dt safe>{t('admin.outbox.kind')}</dt><dd safe>{t(OUTBOX_KIND_LABELS[m.kind])}</dd>
              <dt safe>{t('admin.outbox.to')}</dt><dd safe>{m.to}</dd>
              <dt safe>{t('admin.outbox.date')}</dt>
              <dd safe>{formatInstant(intl, m.createdAt)}</dd>
              <dt safe>{t('admin.outbox.status')}</dt><dd safe>{t(`admin.outbox.status.${m.status}`)}</dd>
              {m.error ? <><dt safe>{t('admin.outbox.error')}</dt><dd safe>{m.error}</dd></> : ''}
            </dl>
            {m.status === 'held' || m.status === 'failed' ? <pre class="mail-body" tabindex="0" safe>{m.body}</pre> : ''}
          </article>
        ))}
      </>
    ),
  });
}

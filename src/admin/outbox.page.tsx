import { Layout, type PageContext } from '../layout/layout.tsx';
import type { OutboxMessage } from '../mail/outbox.queries.ts';

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
              <dt safe>{t('admin.outbox.kind')}</dt><dd safe>{t(`admin.outbox.kind.${m.kind}`)}</dd>
              <dt safe>{t('admin.outbox.to')}</dt><dd safe>{m.to}</dd>
              <dt safe>{t('admin.outbox.date')}</dt>
              <dd safe>{intl.formatDate(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { smtpServer } from '../../test/helpers/smtp-server.ts';
import { createMailer, type MailMessage } from './mailer.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

const message = (to: string): MailMessage => ({ kind: 'invitation', to, subject: `Hello ${to}`, text: 'A link: http://example.org/x' });

describe('mailer', () => {
  it('without SMTP, keeps messages in the outbox for administrators', async () => {
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'Ahadi <a@example.org>' });
    await t.db.transaction().execute((trx) => mailer.queue(trx, message('held@example.org')));
    expect(await mailer.deliverQueued(t.db)).toBe(0);
    const row = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', 'held@example.org').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'held', subject: 'Hello held@example.org', sent_at: null });
  });

  it('with SMTP, sends what the transaction queued once it is committed', async () => {
    const smtp = await smtpServer();
    try {
      const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'Ahadi <ahadi@example.org>' });
      await t.db.transaction().execute((trx) => mailer.queue(trx, message('sent@example.org')));
      expect((await t.db.selectFrom('outbox').select('status').where('to_address', '=', 'sent@example.org').executeTakeFirstOrThrow()).status).toBe('queued');
      expect(await mailer.deliverQueued(t.db)).toBe(1);
      const row = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', 'sent@example.org').executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
      expect(row.sent_at).not.toBeNull();
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain('Subject: Hello sent@example.org');
      expect(smtp.received[0]).toContain('From: Ahadi <ahadi@example.org>');
      // A rolled-back transaction sends nothing.
      await t.db.transaction().execute(async (trx) => {
        await mailer.queue(trx, message('never@example.org'));
        throw new Error('rollback');
      }).catch(() => {});
      expect(await mailer.deliverQueued(t.db)).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('marks a message the server refuses, or cannot be reached for, as failed, without throwing', async () => {
    const smtp = await smtpServer({ refuseRecipient: true });
    try {
      const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'Ahadi <ahadi@example.org>' });
      await t.db.transaction().execute((trx) => mailer.queue(trx, message('refused@example.org')));
      expect(await mailer.deliverQueued(t.db)).toBe(0);
      const row = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', 'refused@example.org').executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(row.error).toMatch(/no such mailbox/);
    } finally {
      await smtp.close();
    }
    const unreachable = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'Ahadi <ahadi@example.org>' });
    await t.db.transaction().execute((trx) => unreachable.queue(trx, message('unreachable@example.org')));
    expect(await unreachable.deliverQueued(t.db)).toBe(0);
    const row = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', 'unreachable@example.org').executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
  });
});

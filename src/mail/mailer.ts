import type { Transporter } from 'nodemailer';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database, OutboxKind } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';

/**
 * E-mail through a transactional outbox: every message is written to `outbox` in the same transaction as the
 * change that caused it. Without SMTP it stays there (`held`) for administrators to read at /{locale}/admin/outbox;
 * with `AHADI_SMTP_URL` it is `queued`, then sent after the commit (`sent`, or `failed` with the server's answer).
 * A failed delivery never fails the request that caused it. Later, a job queue can take over `deliverQueued`.
 */
export type MailMessage = { kind: OutboxKind; to: string; subject: string; text: string };

export type Mailer = {
  /** Writes the message to the outbox inside the caller's transaction. */
  queue(db: Kysely<Database> | Transaction<Database>, message: MailMessage): Promise<void>;
  /** Sends what is queued (after the commit); does nothing without SMTP. Returns how many were sent. */
  deliverQueued(db: Db): Promise<number>;
};

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  const smtpUrl = config.smtpUrl;
  // nodemailer is loaded on the first delivery only: most processes (the CLI, a portal without SMTP) never need it.
  let transport: Promise<Transporter> | undefined;
  const smtp = (url: string) => (transport ??= import('nodemailer').then((m) => m.default.createTransport({
    url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  })));
  return {
    async queue(db, message) {
      await db.insertInto('outbox').values({
        kind: message.kind, to_address: message.to, subject: message.subject, body_text: message.text,
        status: smtpUrl ? 'queued' : 'held',
      }).execute();
    },
    async deliverQueued(db) {
      if (!smtpUrl) return 0;
      const sender = await smtp(smtpUrl);
      let sent = 0;
      // One message at a time, locked so that two processes never send the same one.
      for (;;) {
        const done = await db.transaction().execute(async (trx) => {
          const message = await trx.selectFrom('outbox').select(['id', 'to_address', 'subject', 'body_text'])
            .where('status', '=', 'queued').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
          if (!message) return true;
          try {
            await sender.sendMail({ from: config.mailFrom, to: message.to_address, subject: message.subject, text: message.body_text });
            await trx.updateTable('outbox').set({ status: 'sent', sent_at: sql<Date>`now()`, error: null }).where('id', '=', message.id).execute();
            sent += 1;
          } catch (error) {
            await trx.updateTable('outbox').set({ status: 'failed', error: String((error as Error).message ?? error).slice(0, 500) })
              .where('id', '=', message.id).execute();
          }
          return false;
        });
        if (done) return sent;
      }
    },
  };
}

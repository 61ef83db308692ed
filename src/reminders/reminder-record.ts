import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

/** What makes a reminder the same one (the unique index `reminders_sent_once`, migration 008). */
export type ReminderKey = {
  kind: Database['reminders_sent']['kind'];
  roundId: string | null;
  milestoneId: string | null;
  accountId: string;
  /** The deadline or end date the reminder is about, 'YYYY-MM-DD'. */
  aboutDate: string;
};

/**
 * Records the reminder and writes its e-mail to the outbox in one transaction. When the same reminder is already
 * recorded (an earlier run, or another process running the same job at the same instant: its insert waits for the
 * other's commit, then finds the row), nothing is written and the result is false.
 */
export async function sendReminderOnce(db: Db, mailer: Mailer, key: ReminderKey, message: MailMessage): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const recorded = await trx.insertInto('reminders_sent').values({
      kind: key.kind, reporting_round_id: key.roundId, milestone_id: key.milestoneId, account_id: key.accountId, about_date: key.aboutDate,
    }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    if (!recorded) return false;
    await mailer.queue(trx, message);
    return true;
  });
}

/** A reminder a check has just written to the outbox, for the command line's report and the job's log. */
export type SentReminder = { kind: ReminderKey['kind']; to: string; subject: string; aboutDate: string };

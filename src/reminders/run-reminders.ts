import type { Db } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import { checkOverdueMilestones } from './milestone-overdue.ts';
import type { SentReminder } from './reminder-record.ts';
import { checkRoundDeadlines } from './round-deadline.ts';

/** What the reminder checks need: the database, the mailer, and the portal's address for the links. */
export type ReminderDeps = { db: Db; mailer: Mailer; baseUrl: string };

export type ReminderCheck = (db: Db, mailer: Mailer, baseUrl: string, now: Date) => Promise<SentReminder[]>;

export const ALL_CHECKS: readonly ReminderCheck[] = [checkRoundDeadlines, checkOverdueMilestones];

/** The checks once, as of `now`, then delivery of what they queued (with SMTP; otherwise it stays in the outbox). */
export async function runReminderChecks(deps: ReminderDeps, now: Date, checks = ALL_CHECKS): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  for (const check of checks) sent.push(...await check(deps.db, deps.mailer, deps.baseUrl, now));
  await deps.mailer.deliverQueued(deps.db);
  return sent;
}

/** One line per reminder, for the command line and the server's log. */
export function describeSent(sent: readonly SentReminder[]): string[] {
  return sent.map((s) => `Sent ${s.kind.replace('_', ' ')} reminder (${s.aboutDate}) to ${s.to}: ${s.subject}`);
}

import { z } from 'zod';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connect.ts';
import { createMailer } from '../mail/mailer.ts';
import { parseCommandArgs } from '../cli/command-args.ts';
import { UsageError } from '../cli/usage-error.ts';
import { describeSent, runReminderChecks } from './run-reminders.ts';

// A day is read as its first instant, UTC; a date-time needs its offset ("Z" or "+03:00") so it means one instant.
const Now = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** `send-reminders [--now ISO-DATE]`, read before the database is opened. */
export function sendRemindersArgs(args: string[]): { now: Date } {
  const { values, positionals } = parseCommandArgs('send-reminders', args, { now: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`send-reminders: unexpected argument: ${positionals[0]}`);
  if (values.now === undefined) return { now: new Date() };
  const now = Now.safeParse(values.now);
  if (!now.success) throw new UsageError(`--now: not an ISO date or date-time with offset (2026-11-24, 2026-11-24T10:00:00Z): ${values.now}`);
  return { now: new Date(now.data) };
}

/**
 * Runs the reminder checks once, as the hourly jobs of a running portal do: for installations without a
 * long-running server (run it from cron) and for trying a date with `--now`. Prints what it wrote.
 */
export async function sendRemindersCommand(db: Db, config: Config, { now }: { now: Date }): Promise<number> {
  const sent = await runReminderChecks({ db, mailer: createMailer(config), baseUrl: config.baseUrl }, now);
  for (const line of describeSent(sent)) console.log(line);
  console.log(`${sent.length} reminder(s) as of ${now.toISOString()}` +
    (config.smtpUrl ? '' : `, kept in the outbox (no SMTP): ${config.baseUrl}/en/admin/outbox`));
  return 0;
}

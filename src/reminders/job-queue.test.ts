import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { insertReminderWorld, insertRound, outboxRows } from '../../test/helpers/reminder-data.ts';
import { createMailer } from '../mail/mailer.ts';
import { startJobQueue, type JobQueue } from './job-queue.ts';

const t = useTestDatabase();
const log: string[] = [];
let queues: JobQueue[] = [];
const evidenceDir = scratchFolder('jobs-evidence').dir;

beforeAll(async () => {
  const world = await insertReminderWorld(t.db);
  await insertRound(t.db, world.planId, 'Due soon', new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the job queue', () => {
  it('installs pg-boss in its own schema, schedules the jobs, and a triggered job writes the reminders once, with two processes working', async () => {
    const deps = { url: t.url, db: t.db, mailer: createMailer({ smtpUrl: undefined, mailFrom: 'x' }), baseUrl: 'http://portal', evidenceDir, log: (l: string) => log.push(l) };
    // Two app processes start at the same time on the same database.
    queues = await Promise.all([startJobQueue(deps), startJobQueue(deps)]);
    const boss = queues[0]!.boss;
    const schema = await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = 'pgboss'`.execute(t.db);
    expect(schema.rows[0]?.n).toBe(1);
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron]).sort()).toEqual([
      ['evidence.sweep-orphans', '15 3 * * *'], ['reminders.milestone-overdue', '30 * * * *'], ['reminders.round-deadline', '0 * * * *'],
    ]);

    await boss.send('reminders.round-deadline', {});
    const rows = await waitFor(() => outboxRows(t.db), (r) => r.length >= 2);
    expect(rows.map((r) => [r.kind, r.to_address])).toEqual([
      ['round_deadline_reminder', 'water@example.org'], ['round_deadline_reminder', 'roads@example.org'],
    ]);
    expect(log.filter((l) => l.startsWith('Sent round deadline reminder'))).toHaveLength(2);

    // The same job again, on whichever process takes it, sends nothing more.
    const again = await queues[1]!.boss.send('reminders.round-deadline', {});
    await waitFor(() => boss.getJobById('reminders.round-deadline', again!), (job) => job?.state === 'completed');
    expect(await outboxRows(t.db)).toHaveLength(2);
  });

  it('the daily sweep removes stored files that no evidence row records', async () => {
    const orphan = path.join(evidenceDir, 'ab', 'ab'.padEnd(64, '0'));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'left over by a refused upload');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    fs.utimesSync(orphan, twoDaysAgo, twoDaysAgo);

    await queues[0]!.boss.send('evidence.sweep-orphans', {});
    expect(await waitFor(async () => fs.existsSync(orphan), (exists) => !exists)).toBe(false);
    expect(log).toContain('Evidence sweep: removed 1 unrecorded file(s) and 0 temporary file(s)');
  });

  it('stops gracefully and closes its connections', async () => {
    await Promise.all(queues.map((q) => q.stop()));
    queues = [];
    const connections = await waitFor(
      async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = 'ahadi-jobs' and datname = current_database()`.execute(t.db)).rows[0]?.n,
      (n) => n === 0,
    );
    expect(connections).toBe(0);
  });
});

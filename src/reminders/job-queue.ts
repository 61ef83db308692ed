import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import { assertMayInstallJobQueue } from '../db/database-privileges.ts';
import { sweepOrphanEvidence } from '../evidence/evidence-sweep.ts';
import { checkOverdueMilestones } from './milestone-overdue.ts';
import { checkRoundDeadlines } from './round-deadline.ts';
import { describeSent, runReminderChecks, type ReminderCheck, type ReminderDeps } from './run-reminders.ts';

/**
 * The portal's background jobs on pg-boss (decision 015): its tables live in the app's database, in the schema
 * `pgboss` that pg-boss creates and migrates itself. Every `serve` process starts the queue and works its jobs;
 * pg-boss's cron puts each scheduled job on the queue once per slot whatever the number of processes, and each job
 * is idempotent anyway (a reminder through `reminders_sent`; the evidence sweep by nature), so a job run twice does
 * nothing twice.
 */
const SCHEMA = 'pgboss';

type Job = { name: string; cron: string; run(): Promise<string[]> };

export type JobDeps = ReminderDeps & { url: string; evidenceDir: string; log: (line: string) => void };

const DAY_MS = 24 * 60 * 60 * 1000;

function jobs(deps: JobDeps): Job[] {
  const reminders = (check: ReminderCheck) => async () => describeSent(await runReminderChecks(deps, new Date(), [check]));
  return [
    { name: 'reminders.round-deadline', cron: '0 * * * *', run: reminders(checkRoundDeadlines) },
    { name: 'reminders.milestone-overdue', cron: '30 * * * *', run: reminders(checkOverdueMilestones) },
    {
      // Uploads left unrecorded for a day (decision 014).
      name: 'evidence.sweep-orphans', cron: '15 3 * * *',
      run: async () => {
        const swept = await sweepOrphanEvidence(deps.db, deps.evidenceDir, DAY_MS);
        return swept.deletedFiles + swept.deletedTmpFiles === 0 ? []
          : [`Evidence sweep: removed ${swept.deletedFiles} unrecorded file(s) and ${swept.deletedTmpFiles} temporary file(s)`];
      },
    },
  ];
}

export type JobQueue = { boss: PgBoss; stop(): Promise<void> };

export async function startJobQueue(deps: JobDeps): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: deps.url, schema: SCHEMA, max: 2, application_name: 'ahadi-jobs' });
  // Without a listener an 'error' event would end the process; a lost connection is retried by pg-boss itself.
  boss.on('error', (error) => deps.log(`Job queue: ${error.message}`));
  const all = jobs(deps);
  try {
    // pg-boss 10 creates a queue's table with DDL that deadlocks when two processes create queues at the same time
    // (two portals starting together on a new database): installation and queues are set up one process at a time.
    await deps.db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(hashtext('ahadi.job-queue.setup'))`.execute(connection);
      try {
        await assertMayInstallJobQueue(connection, SCHEMA);
        await boss.start();
        for (const job of all) {
          // `stately`: at most one waiting and one running job per name, so a slow run never piles up copies of itself.
          await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 2, retryDelay: 300, expireInSeconds: 15 * 60 });
          await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
        }
      } finally {
        await sql`select pg_advisory_unlock(hashtext('ahadi.job-queue.setup'))`.execute(connection);
      }
    });
    for (const job of all) {
      await boss.work(job.name, async () => {
        try {
          for (const line of await job.run()) deps.log(line);
        } catch (error) {
          deps.log(`Job ${job.name} failed: ${(error as Error).message}`);
          throw error;
        }
      });
    }
  } catch (error) {
    // A half-started queue would keep its pool open and the process alive.
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    boss,
    // Waits for running jobs (up to 30 s), then closes pg-boss's own pool: call it before the database stops.
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

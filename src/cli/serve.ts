import v8 from 'node:v8';
import type { Config } from '../config/config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, loadDemo, loadDemoRounds } from '../demo/load-demo.ts';
import { createDemoAccounts, demoAccountsNotice } from '../demo/demo-accounts.ts';
import { buildServer } from '../http/server.ts';
import { PUBLIC_PAGE_FRESHNESS_MS } from '../http/page-context.ts';
import { createMailer } from '../mail/mailer.ts';
import { startJobQueue, type JobQueue } from '../reminders/job-queue.ts';

/**
 * Runs the portal and its background jobs until SIGINT or SIGTERM, then closes the HTTP server, lets the running jobs
 * finish, and closes the pool and the embedded database.
 */
export async function serve(config: Config, log: (line: string) => void): Promise<void> {
  // V8 otherwise lets the heap grow with the garbage of busy pages long before it collects: under the benchmark's
  // load the portal reached 310-330 MB with 40 MB alive. Favouring size kept it near 160 MB at the same speed
  // (decision 019).
  v8.setFlagsFromString('--optimize-for-size');
  const connection = await connect(config, log);
  let closing: Promise<void> | undefined;
  let jobs: JobQueue | undefined;
  const shutdown = (app?: { close(): Promise<void> }) => {
    closing ??= (async () => {
      log('Shutting down');
      await app?.close();
      await jobs?.stop();
      await connection.close();
    })();
    return closing;
  };
  try {
    const applied = await migrate(connection.db);
    if (applied.length) log(`Applied migrations: ${applied.map((m) => m.version).join(', ')}`);
    if (await isEmpty(connection.db)) log(`Empty database: loaded ${await loadDemo(connection.db)} demo commitments`);
    for (const line of demoAccountsNotice(await createDemoAccounts(connection.db), config.baseUrl)) log(line);
    const rounds = await loadDemoRounds(connection.db); // after the accounts: the demo reviewer gives its verdicts
    if (rounds) log(`Loaded ${rounds} demo reporting rounds`);
    jobs = await startJobQueue({
      url: connection.url, db: connection.db, mailer: createMailer(config), baseUrl: config.baseUrl, evidenceDir: config.evidenceDir, log,
    });
    const app = await buildServer({ db: connection.db, config }, { logger: true, pageFreshnessMs: PUBLIC_PAGE_FRESHNESS_MS });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(app));
    await app.listen({ port: config.port, host: config.host });
    log(`Ahadi is running at ${config.baseUrl}/`);
  } catch (error) {
    await shutdown();
    throw error;
  }
}

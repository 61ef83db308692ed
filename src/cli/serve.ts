import v8 from 'node:v8';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { connect, type Connection } from '../db/connect.ts';
import { tryHoldAdvisoryLock, withAdvisoryLock } from '../db/advisory-lock.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, loadDemo, loadDemoRounds } from '../demo/load-demo.ts';
import { createDemoAccounts, demoAccountsNotice } from '../demo/demo-accounts.ts';
import { buildServer } from '../http/server.ts';
import { PUBLIC_PAGE_FRESHNESS_MS } from '../http/page-context.ts';
import { createMailer } from '../mail/mailer.ts';
import { startJobQueue, type JobQueue } from '../reminders/job-queue.ts';

/**
 * Brings the database up to date and, on a new installation, loads the demo data and accounts (unless AHADI_DEMO is
 * false: a production portal must not publish the demo plan, which nothing can delete). Processes starting
 * together on one database (several app processes behind a load balancer) do this one at a time: each step reads
 * before it writes ("is the database empty?", "does this account exist?"), so two at once both loaded the demo and
 * one stopped on a duplicate key.
 */
export async function prepareDatabase(connection: Pick<Connection, 'db' | 'url'>, config: Config, log: (line: string) => void): Promise<void> {
  const { db } = connection;
  await withAdvisoryLock(connection.url, 'ahadi.prepare-database', async () => {
    const applied = await migrate(db);
    if (applied.length) log(`Applied migrations: ${applied.map((m) => m.version).join(', ')}`);
    if (!config.demo) {
      if (!await hasAdministrator(db)) log('No administrator yet: make one with "npm run ahadi -- create-admin EMAIL" (AHADI_DEMO=false: no demo accounts).');
      return;
    }
    if (await isEmpty(db)) log(`Empty database: loaded ${await loadDemo(db)} demo commitments`);
    for (const line of demoAccountsNotice(await createDemoAccounts(db), config.baseUrl)) log(line);
    const rounds = await loadDemoRounds(db); // after the accounts: the demo reviewer gives its verdicts
    if (rounds) log(`Loaded ${rounds} demo reporting rounds`);
  });
}

async function hasAdministrator(db: Connection['db']): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').where('role', '=', 'administrator').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * One `serve` per data folder. A second one is a mistake (a second `npm start`, a service started twice): on another
 * PORT it ran unnoticed on the first one's database, until the first stopped that database under it; on the same
 * PORT it failed only after migrating, on EADDRINUSE. Commands (import, migrate) still join a running portal; several
 * portal processes run on a PostgreSQL server named by DATABASE_URL.
 */
async function holdDataFolder(url: string, dataDir: string): Promise<{ release(): Promise<void> }> {
  const held = await tryHoldAdvisoryLock(url, 'ahadi.serve-embedded');
  if (held) return held;
  throw new Error(`Another Ahadi portal is already serving the data folder ${dataDir} (AHADI_DATA_DIR): stop it before ` +
    'starting this one. Commands such as import may run beside it; to run several portal processes, give them one ' +
    'PostgreSQL server in DATABASE_URL (docs/production.md).');
}

/**
 * Stops listening and waits for the answers under way. A browser or load balancer keeps its connection open after
 * such an answer, and Node closes only the connections idle when the close begins: the others held the exit for
 * Fastify's keep-alive timeout (72 s), past the 10 s Docker waits before SIGKILL. So each is closed once idle.
 */
async function closeServer(app: FastifyInstance): Promise<void> {
  const idle = setInterval(() => app.server.closeIdleConnections(), 250);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
  }
}

/** Listens on HOST:PORT; a port that is taken or forbidden is named as the variables that chose it. */
async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `PORT ${config.port} on HOST ${config.host}`;
    if (code === 'EADDRINUSE') throw new Error(`${where} is already in use (another Ahadi, or another program): stop it, or choose another PORT.`);
    if (code === 'EACCES') throw new Error(`${where} may not be opened by this user (ports below 1024 need privileges): choose another PORT.`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`${where}: this machine has no such address; use one of its own, 0.0.0.0 or ::.`);
    throw error;
  }
}

/**
 * Runs the portal and its background jobs until SIGINT or SIGTERM, then closes the HTTP server, lets the running jobs
 * finish, and closes the pool and the embedded database.
 */
export async function serve(config: Config, log: (line: string) => void): Promise<void> {
  // V8 otherwise lets the heap grow with the garbage of busy pages long before it collects: under the benchmark's
  // load the portal reached 310-330 MB with 40 MB alive. Favouring size kept it near 160 MB at the same speed
  // (decision 019).
  v8.setFlagsFromString('--optimize-for-size');
  let connection: Connection | undefined;
  let closing: Promise<void> | undefined;
  let jobs: JobQueue | undefined;
  let onlyServer: { release(): Promise<void> } | undefined;
  const shutdown = (app?: FastifyInstance) => {
    closing ??= (async () => {
      if (app) {
        log('Shutting down'); // not before a start-up error's message: that one line says why the process ends
        await closeServer(app);
      }
      await jobs?.stop();
      await onlyServer?.release();
      await connection?.close();
    })();
    return closing;
  };
  // Ctrl-C during the start (a first start's migrations) used to kill the process on the spot, leaving the embedded
  // PostgreSQL running without its owner. Now the step under way ends (a migration is one transaction), then the
  // start stops and closes what it opened.
  let listening: FastifyInstance | undefined;
  let stopRequested = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { if (listening) void shutdown(listening); else stopRequested = true; });
  }
  const goOn = () => {
    if (stopRequested) throw new Error('Stopped by a signal during the start; the next start goes on from there.');
  };
  try {
    const opened = await connect(config, log);
    connection = opened;
    goOn();
    if (!config.databaseUrl) onlyServer = await holdDataFolder(opened.url, config.dataDir);
    await prepareDatabase(opened, config, log);
    goOn();
    jobs = await startJobQueue({
      url: opened.url, db: opened.db, mailer: createMailer(config), baseUrl: config.baseUrl, evidenceDir: config.evidenceDir, log,
    });
    goOn();
    const app = await buildServer({ db: opened.db, config }, { logger: true, pageFreshnessMs: PUBLIC_PAGE_FRESHNESS_MS });
    await listen(app, config);
    listening = app;
    if (stopRequested) return void shutdown(app);
    log(`Ahadi is running at ${config.baseUrl}/`);
  } catch (error) {
    await shutdown(listening);
    throw error;
  }
}

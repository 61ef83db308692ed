import type { Config } from '../config/config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, loadDemo } from '../demo/load-demo.ts';
import { createDemoAccounts, demoAccountsNotice } from '../demo/demo-accounts.ts';
import { buildServer } from '../http/server.ts';

/** Runs the portal until SIGINT or SIGTERM, then closes the HTTP server, the pool and the embedded database. */
export async function serve(config: Config, log: (line: string) => void): Promise<void> {
  const connection = await connect(config, log);
  let closing: Promise<void> | undefined;
  const shutdown = (app?: { close(): Promise<void> }) => {
    closing ??= (async () => {
      log('Shutting down');
      await app?.close();
      await connection.close();
    })();
    return closing;
  };
  try {
    const applied = await migrate(connection.db);
    if (applied.length) log(`Applied migrations: ${applied.map((m) => m.version).join(', ')}`);
    if (await isEmpty(connection.db)) {
      log(`Empty database: loaded ${await loadDemo(connection.db)} demo commitments`);
      for (const line of demoAccountsNotice(await createDemoAccounts(connection.db), config.baseUrl)) log(line);
    }
    const app = await buildServer({ db: connection.db, config }, { logger: true });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(app));
    await app.listen({ port: config.port, host: config.host });
    log(`Ahadi is running at ${config.baseUrl}/`);
  } catch (error) {
    await shutdown();
    throw error;
  }
}

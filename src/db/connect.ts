import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// A `date` is a calendar day, not an instant: keep PostgreSQL's 'YYYY-MM-DD' text rather than a JS Date in local time.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids stay strings (they may exceed 2^53); counts are cast to int in SQL where a number is wanted.

export type Connection = {
  db: Db;
  url: string;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
};

export function createDb(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server ends (a restart, a failover, a dropped test database) is reported here and
  // already taken out of the pool; the next query opens a new one. Without a listener, pg throws it as uncaught.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A first query, so that a wrong DATABASE_URL stops the start with a message naming it, rather than with the driver's
 * words ("connect ECONNREFUSED", "role … does not exist") at the first migration or request.
 */
async function reachable(db: Db, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    throw new Error(`Cannot use the PostgreSQL server of DATABASE_URL (${shown.toString()}): ${(error as Error).message}`);
  }
}

/** The server named by DATABASE_URL, or else the embedded server on the data folder (started if needed). */
export async function connect(config: Config, log: (line: string) => void = () => {}): Promise<Connection> {
  if (config.databaseUrl) {
    const db = createDb(config.databaseUrl, config.dbPoolSize);
    await reachable(db, config.databaseUrl);
    return { db, url: config.databaseUrl, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  const db = createDb(server.url, config.dbPoolSize);
  return {
    db,
    url: server.url,
    async close() {
      await db.destroy();
      await server.release();
    },
  };
}

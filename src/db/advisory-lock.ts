import pg from 'pg';

/**
 * A connection of its own for an advisory lock, not one of the pool's: the work under the lock may need every pooled
 * connection (a pool of one would wait on itself), and ending this connection releases the lock even when the process
 * dies.
 */
async function lockConnection(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: `ahadi: ${name}` });
  // A lost connection is also a lost lock; the work's own queries fail and say why, rather than an uncaught 'error'.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Runs `work` while this process holds the PostgreSQL advisory lock `name`, so that processes sharing the database do it one at a time. */
export async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const client = await lockConnection(url, name);
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await client.end();
  }
}

/** Takes the lock `name` until `release`, or answers undefined at once when another process holds it. */
export async function tryHoldAdvisoryLock(url: string, name: string): Promise<{ release(): Promise<void> } | undefined> {
  const client = await lockConnection(url, name);
  const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock(hashtext($1)) as held', [name]);
  if (rows[0]?.held) return { release: () => client.end() };
  await client.end();
  return undefined;
}

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * How long the probe waits for the database. A load balancer gives up on its own after a few seconds and would read
 * a hang as "down" anyway; answering 503 first says why. Without it a probe waits as long as the pool does for a
 * connection, which is forever when the server is unreachable.
 */
export const HEALTH_DATABASE_TIMEOUT_MS = 2000;

/**
 * `GET /health` (and HEAD) for load balancers and service managers: 200 when this process can query the database,
 * 503 when it cannot, so traffic goes to another process. Never cached (each probe must reach the process) and
 * logged only at warn level: probes every few seconds would otherwise fill the request log.
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', { logLevel: 'warn' }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const problem = await databaseProblem(db);
    if (problem === undefined) return reply.send({ status: 'ok', database: 'ok' });
    // The reason names no address or user: probes may be public.
    return reply.status(503).send({ status: 'unavailable', database: problem });
  });
}

async function databaseProblem(db: Db): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${HEALTH_DATABASE_TIMEOUT_MS} ms`), HEALTH_DATABASE_TIMEOUT_MS);
  });
  const query = sql`select 1`.execute(db).then(() => undefined, () => 'unreachable');
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close(): Promise<void> };

/** The portal on a fresh database holding the demo data set, for `app.inject` requests or a real listener. */
export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.demo ?? true) await loadDemo(database.db);
  const app = await buildServer({ db: database.db });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

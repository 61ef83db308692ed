import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { adminQuery } from '../../test/setup/template-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase | undefined;
afterEach(async () => { await t?.drop(); });

/** The portal on a fresh database, its request log written to `lines`. */
async function portal(lines: string[]) {
  t = await createTestDatabase();
  return buildServer({ db: t.db }, { logger: { stream: { write: (line: string) => { lines.push(line); } } } });
}

describe('GET /health', () => {
  it('answers 200 with a small JSON while the database answers, never cached, and keeps probes out of the info log', async () => {
    const lines: string[] = [];
    const app = await portal(lines);
    try {
      const probe = await app.inject({ url: '/health' });
      expect(probe.statusCode).toBe(200);
      expect(probe.json()).toEqual({ status: 'ok', database: 'ok' });
      expect(probe.headers['cache-control']).toBe('no-store');
      expect((await app.inject({ method: 'HEAD', url: '/health' })).statusCode).toBe(200);
      await app.inject({ url: '/en/' });
      expect(lines.some((line) => line.includes('"url":"/en/"'))).toBe(true);
      expect(lines.filter((line) => line.includes('/health'))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming no address or user when the database is gone', async () => {
    const app = await portal([]);
    try {
      const name = new URL(t!.url).pathname.slice(1);
      await adminQuery(inject('databaseAdminUrl'), `drop database ${name} with (force)`);
      const probe = await app.inject({ url: '/health' });
      expect(probe.statusCode).toBe(503);
      expect(probe.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect(probe.headers['cache-control']).toBe('no-store');
    } finally {
      await app.close();
    }
  });

  it('refuses other methods and paths under it', async () => {
    const app = await portal([]);
    try {
      expect((await app.inject({ method: 'POST', url: '/health' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/health/deep' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

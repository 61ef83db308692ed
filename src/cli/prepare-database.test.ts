import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../config/config.ts';
import { createDb, type Db } from '../db/connect.ts';
import { adminQuery, databaseUrl } from '../../test/setup/template-database.ts';
import { prepareDatabase } from './serve.ts';

// A new, empty database (not a clone of the migrated template): what app processes find on their first start.
const adminUrl = inject('databaseAdminUrl');
const name = `ahadi_test_${randomBytes(6).toString('hex')}`;
const url = databaseUrl(adminUrl, name);
const pools: Db[] = [];
beforeAll(async () => { await adminQuery(adminUrl, `create database ${name}`); });
afterAll(async () => {
  await Promise.all(pools.map((db) => db.destroy()));
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
});

/** One app process's start: its own pool of one connection (the smallest AHADI_DB_POOL_SIZE) and its own log. */
function start(lines: string[], env: Record<string, string> = {}, on = url) {
  const db = createDb(on, 1);
  pools.push(db);
  return prepareDatabase({ db, url: on }, readConfig(env), (line) => lines.push(line));
}

const counted = async (db: Db, table: 'members' | 'commitments' | 'accounts' | 'reporting_rounds') =>
  (await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

describe('prepareDatabase (the start of serve)', { timeout: 120_000 }, () => {
  it('lets three processes start together on a new database: one migrates and loads the demo, the others find it done', async () => {
    const logs: string[][] = [[], [], []];
    await Promise.all(logs.map((lines) => start(lines)));
    const all = logs.flat();
    expect(all.filter((line) => line.startsWith('Applied migrations:'))).toHaveLength(1);
    expect(all.filter((line) => line.startsWith('Empty database: loaded 4 demo commitments'))).toHaveLength(1);
    expect(all.filter((line) => line.startsWith('Loaded 2 demo reporting rounds'))).toHaveLength(1);
    const db = pools[0]!;
    expect(await counted(db, 'commitments')).toBe('4');
    expect(await counted(db, 'accounts')).toBe('4');
    expect(await counted(db, 'reporting_rounds')).toBe('2');
  });

  it('with AHADI_DEMO=false, migrates a new database and publishes nothing, saying how to make the first administrator', async () => {
    const production = `${name}_production`;
    await adminQuery(adminUrl, `create database ${production}`);
    try {
      const lines: string[] = [];
      await start(lines, { AHADI_DEMO: 'false' }, databaseUrl(adminUrl, production));
      expect(lines[0]).toMatch(/^Applied migrations: 1, 2, /);
      expect(lines.slice(1)).toEqual(['No administrator yet: make one with "npm run ahadi -- create-admin EMAIL" (AHADI_DEMO=false: no demo accounts).']);
      const db = pools.at(-1)!;
      expect(await counted(db, 'members')).toBe('0');
      expect(await counted(db, 'accounts')).toBe('0');
      await db.destroy();
      pools.pop();
    } finally {
      await adminQuery(adminUrl, `drop database if exists ${production} with (force)`);
    }
  });
});

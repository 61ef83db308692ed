import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, databaseUrl } from '../../test/setup/template-database.ts';
import { createMailer } from '../mail/mailer.ts';
import { startJobQueue } from '../reminders/job-queue.ts';
import { createDb, type Db } from './connect.ts';
import { DatabasePrivilegeError } from './database-privileges.ts';
import { listMigrations, migrate } from './migrate.ts';

// Roles belong to the whole server: each run makes its own, and removes them with their databases.
const adminUrl = inject('databaseAdminUrl');
const suffix = randomBytes(5).toString('hex');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A login role without superuser, CREATEDB or CREATEROLE, and a new database, owned by it or by the superuser. */
async function roleAndDatabase(label: string, { owner }: { owner: boolean }) {
  const role = `ahadi_${label}_${suffix}`;
  const password = randomBytes(12).toString('hex');
  const database = `ahadi_test_${label}_${suffix}`;
  await adminQuery(adminUrl, `create role ${role} login password '${password}' nosuperuser nocreatedb nocreaterole`);
  await adminQuery(adminUrl, `create database ${database}${owner ? ` owner ${role}` : ''}`);
  const url = new URL(databaseUrl(adminUrl, database));
  url.username = role;
  url.password = password;
  const db = createDb(url.toString(), 2);
  cleanups.push(async () => {
    await db.destroy();
    await adminQuery(adminUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(adminUrl, `drop role if exists ${role}`);
  });
  return { role, database, db, url: url.toString(), asSuperuser: (statement: string) => adminQuery(databaseUrl(adminUrl, database), statement) };
}

async function jobQueueOn(db: Db, url: string) {
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-privileges-'));
  cleanups.push(async () => fs.rmSync(evidenceDir, { recursive: true, force: true }));
  return startJobQueue({ url, db, mailer: createMailer({ smtpUrl: undefined, mailFrom: 'x' }), baseUrl: 'http://portal', evidenceDir, log: () => {} });
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatabasePrivilegeError);
  return (error as Error).message;
}

describe('the database role of DATABASE_URL', { timeout: 120_000 }, () => {
  it('needs no superuser when it owns its database: it migrates (creating the trusted extension) and installs the job queue', async () => {
    const { db, url } = await roleAndDatabase('owner', { owner: true });
    expect((await migrate(db)).map((m) => m.version)).toEqual(listMigrations().map((m) => m.version));
    const queue = await jobQueueOn(db, url);
    await queue.stop();
  });

  it('without CREATE rights, is told which statements an administrator must run; after them it migrates and runs', async () => {
    const { role, database, db, url, asSuperuser } = await roleAndDatabase('limited', { owner: false });
    await asSuperuser(`revoke create on schema public from public`);
    const first = await refusal(migrate(db));
    expect(first).toContain(`The database role "${role}" (DATABASE_URL) may not create what the migrations need in database "${database}"`);
    expect(first).toContain(`CREATE EXTENSION unaccent; GRANT CREATE ON SCHEMA "public" TO "${role}";`);
    expect(first).toContain('docs/production.md');
    const { rows } = await sql<{ table: string | null }>`select to_regclass('schema_migrations')::text as table`.execute(db);
    expect(rows[0]!.table).toBeNull(); // refused before anything was written

    // What the message said, run by the administrator.
    await asSuperuser(`create extension unaccent`);
    await asSuperuser(`grant create on schema public to ${role}`);
    expect(await migrate(db)).toHaveLength(listMigrations().length);

    const second = await refusal(jobQueueOn(db, url));
    expect(second).toContain(`may not create the schema "pgboss" of the job queue (pg-boss) in database "${database}"`);
    expect(second).toContain(`GRANT CREATE ON DATABASE "${database}" TO "${role}";`);
    await asSuperuser(`grant create on database ${database} to ${role}`);
    await (await jobQueueOn(db, url)).stop();

    // Once installed, the job queue and an up-to-date schema need no right to create anything.
    await asSuperuser(`revoke create on database ${database} from ${role}`);
    await asSuperuser(`revoke create on schema public from ${role}`);
    expect(await migrate(db)).toEqual([]);
    await (await jobQueueOn(db, url)).stop();
  });
});

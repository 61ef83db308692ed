import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection string to the test server's maintenance database. */
    databaseAdminUrl: string;
    /** A migrated database that each test file clones (CREATE DATABASE ... TEMPLATE), which takes milliseconds. */
    templateDatabase: string;
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template for this run; returns its name and a function that drops it. */
export async function createTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `ahadi_template_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const db = createDb(databaseUrl(adminUrl, name), 1);
  try {
    await migrate(db);
  } finally {
    await db.destroy();
  }
  return { name, drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

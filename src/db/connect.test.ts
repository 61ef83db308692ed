import { describe, expect, inject, it } from 'vitest';
import { readConfig } from '../config/config.ts';
import { databaseUrl } from '../../test/setup/template-database.ts';
import { connect } from './connect.ts';
import { freePort } from './embedded-postgres.ts';

/** What `connect` throws for a DATABASE_URL, as the CLI prints it. */
async function refusal(url: string): Promise<string> {
  return connect(readConfig({ DATABASE_URL: url })).then(async (c) => { await c.close(); return 'connected'; }, (e: Error) => e.message);
}

describe('connect with DATABASE_URL', () => {
  it('stops at once with a message naming DATABASE_URL and the server, without its password', async () => {
    const missing = new URL(databaseUrl(inject('databaseAdminUrl'), 'ahadi_no_such_database'));
    missing.password = 'the-real-secret';
    const message = await refusal(missing.toString());
    expect(message).toMatch(/^Cannot use the PostgreSQL server of DATABASE_URL \(postgres:\/\/[^:]+:\*\*\*@.+\/ahadi_no_such_database\): /);
    expect(message).not.toContain('the-real-secret');
  });

  it('names a server that does not answer', async () => {
    const port = await freePort();
    expect(await refusal(`postgres://ahadi:pw@127.0.0.1:${port}/ahadi`))
      .toBe(`Cannot use the PostgreSQL server of DATABASE_URL (postgres://ahadi:***@127.0.0.1:${port}/ahadi): connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('connects to a server that answers', async () => {
    expect(await refusal(inject('databaseAdminUrl'))).toBe('connected');
  });
});

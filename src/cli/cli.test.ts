import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { adminQuery, databaseUrl } from '../../test/setup/template-database.ts';
import { listMigrations } from '../db/migrate.ts';

const t = useTestDatabase();

function ahadi(...args: string[]) {
  return ahadiOn(t.url, ...args);
}

function ahadiOn(url: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8', env: { ...process.env, DATABASE_URL: url }, timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns the CLI (tsx start-up, a connection): on a busy machine one run alone can take 30 s.
describe('npm run ahadi', { timeout: 240_000 }, () => {
  it('migrate reports an up-to-date database', () => {
    const run = ahadi('migrate');
    expect(run.stdout).toContain('Database is up to date');
    expect(run.code).toBe(0);
  });

  it('demo loads the demo data set', () => {
    const run = ahadi('demo');
    expect(run.stdout).toContain('Loaded 4 demo commitments');
    expect(run.code).toBe(0);
  });

  it('import ogp-page imports the seed, then updates it', () => {
    expect(ahadi('import', 'ogp-page', '../shared/seeds/KE0031.fr.txt', '--dry-run').stdout).toContain('KE0031: would update (dry run');
    const run = ahadi('import', 'ogp-page', '../shared/seeds/KE0031.fr.txt');
    expect(run.stdout).toContain('KE0031: updated');
    expect(run.code).toBe(0);
  });

  it('brings a new database up to date before an import, as serve does, rather than rejecting every row', async () => {
    const adminUrl = inject('databaseAdminUrl');
    const name = `ahadi_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    try {
      const run = ahadiOn(databaseUrl(adminUrl, name), 'import', 'ogp-page', '../shared/seeds/KE0031.fr.txt');
      expect(run.stderr).toContain(`Applied migrations: ${listMigrations().map((m) => m.version).join(', ')}`);
      expect(run.stdout).toContain('KE0031: created');
      expect(run.code).toBe(0);
    } finally {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    }
  });

  it('create-admin prints a one-time invitation link for an administrator', () => {
    const run = ahadi('create-admin', 'Chief@Example.org');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Invitation for chief@example.org (administrator)');
    expect(run.stdout).toMatch(/^http:\/\/127\.0\.0\.1:3000\/en\/invitations\/[A-Za-z0-9_-]{43}$/m);
    expect(ahadi('create-admin', 'not-an-address').stderr).toMatch(/EMAIL: not an e-mail address/);
  });

  // One process per case, so each case has the whole test timeout even on a loaded machine.
  it.each([
    [['frobnicate'], /Unknown command: frobnicate/],
    [['import', 'frobnicate', 'x'], /Unknown import kind: frobnicate/],
    [['import', 'ogp-page'], /exactly one FILE/],
    [['import', 'ogp-page', 'no-such-file.txt'], /FILE: no such file/],
    [['import', 'ogp-page', 'README.md', '--plan-number', 'four'], /--plan-number:/],
  ] as [string[], RegExp][])('refuses %j with exit code 2 and says why', (args, message) => {
    const run = ahadi(...args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('a file that is not a commitment page fails with exit code 1 and names what is missing', () => {
    const run = ahadi('import', 'ogp-page', 'README.md');
    expect(run.stderr).toMatch(/Not an OGP commitment page: missing .*commitment id/);
    expect(run.code).toBe(1);
  });

  it('names a bad environment variable with exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
      encoding: 'utf8', env: { ...process.env, PORT: 'eighty' },
    });
    expect(result.stderr).toContain('PORT:');
    expect(result.status).toBe(2);
  });
});

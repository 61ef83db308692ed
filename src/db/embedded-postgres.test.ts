import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runningServerPort, sharedBuffersMegabytes, startEmbeddedPostgres } from './embedded-postgres.ts';

// mkdtemp makes a mode-700 folder; open it so that, as root, the `postgres` user can reach the cluster inside.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-lifecycle-'));
fs.chmodSync(dataDir, 0o755);
const clusterDir = path.join(dataDir, 'postgres');
afterAll(async () => {
  // Whatever a failed assertion left running: adopt it and stop it.
  const server = await startEmbeddedPostgres(dataDir);
  await server.release();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the fixture in another Node process and resolves with the URL it printed. */
function child(mode: 'hold' | 'release') {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/start-embedded.ts', dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((resolve, reject) => {
    proc.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { url: string }).url));
    proc.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { proc, url, exited };
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function sharedBuffersMb(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = "select pg_size_bytes(current_setting('shared_buffers')) / 1048576 as mb";
    return Number((await client.query<{ mb: string }>(sql)).rows[0]!.mb);
  } finally {
    await client.end();
  }
}

describe('the embedded server\'s shared buffers', () => {
  it('takes an eighth of the machine\'s memory, from PostgreSQL\'s default 128 MB up to 1 GB', () => {
    expect(sharedBuffersMegabytes(512 * 2 ** 20)).toBe(128);
    expect(sharedBuffersMegabytes(4 * 2 ** 30)).toBe(512);
    expect(sharedBuffersMegabytes(24 * 2 ** 30)).toBe(1024);
  });
});

describe('embedded PostgreSQL lifecycle', () => {
  it('creates the cluster on first start and stops it on release', async () => {
    const server = await startEmbeddedPostgres(dataDir);
    expect(fs.existsSync(path.join(clusterDir, 'PG_VERSION'))).toBe(true);
    expect(await canQuery(server.url)).toBe(true);
    expect(await sharedBuffersMb(server.url)).toBe(sharedBuffersMegabytes(os.totalmem()));
    await server.release();
    expect(runningServerPort(clusterDir)).toBeUndefined();
    expect(await canQuery(server.url)).toBe(false);
  });

  it('adopts the server of a killed process instead of starting a second one', async () => {
    const first = child('hold');
    const orphanUrl = await first.url;
    first.proc.kill('SIGKILL');
    await first.exited;
    expect(runningServerPort(clusterDir)).toBeDefined();

    const adopted = await startEmbeddedPostgres(dataDir);
    expect(new URL(adopted.url).port).toBe(new URL(orphanUrl).port);
    await adopted.release();
    expect(runningServerPort(clusterDir)).toBeUndefined();
  });

  it('places the cluster where the server can reach it when the data folder is private', async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-private-'));
    const server = await startEmbeddedPostgres(path.join(privateDir, 'data'));
    try {
      expect(await canQuery(server.url)).toBe(true);
      const locationFile = path.join(privateDir, 'data', 'postgres.location');
      if (process.getuid?.() === 0) {
        // As root the server runs as `postgres`, which cannot enter a mode-700 folder of root's.
        const location = fs.readFileSync(locationFile, 'utf8').trim();
        expect(location.startsWith('/var/lib/ahadi/clusters/')).toBe(true);
        expect(fs.existsSync(path.join(location, 'PG_VERSION'))).toBe(true);
      } else {
        expect(fs.existsSync(locationFile)).toBe(false);
        expect(fs.existsSync(path.join(privateDir, 'data', 'postgres', 'PG_VERSION'))).toBe(true);
      }
    } finally {
      await server.release();
      const location = path.join(privateDir, 'data', 'postgres.location');
      if (fs.existsSync(location)) fs.rmSync(fs.readFileSync(location, 'utf8').trim(), { recursive: true, force: true });
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  });

  it('leaves the server running while another process is connected (an import beside the portal); the last one out stops it', async () => {
    const portal = await startEmbeddedPostgres(dataDir);
    const importer = await startEmbeddedPostgres(dataDir); // joins: the portal, alive, owns the server
    const transaction = new pg.Client({ connectionString: importer.url });
    await transaction.connect();
    await transaction.query('begin');
    await portal.release();
    expect(await transaction.query('select 1 as one').then((r) => r.rows[0])).toEqual({ one: 1 });
    await transaction.query('commit');
    await transaction.end();
    await importer.release();
    expect(runningServerPort(clusterDir)).toBeUndefined();
  });

  it('lets a second process (the CLI) use the running server without stopping it', async () => {
    const owner = await startEmbeddedPostgres(dataDir);
    const cli = child('release');
    expect(await cli.url).toBe(owner.url);
    await cli.exited;
    expect(await canQuery(owner.url)).toBe(true);
    await owner.release();
  });
});

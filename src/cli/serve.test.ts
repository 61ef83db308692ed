import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { freePort, runningServerPort, startEmbeddedPostgres } from '../db/embedded-postgres.ts';

// New data folders of their own: `serve` on the embedded PostgreSQL, as `npm start` runs it.
const dataDirs: string[] = [];
function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-serve-'));
  fs.chmodSync(dir, 0o755); // as root, the `postgres` user must reach the cluster inside
  dataDirs.push(dir);
  return dir;
}
const dataDir = newDataDir();
const started: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(started.filter((proc) => proc.exitCode === null && proc.signalCode === null)
    .map((proc) => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGKILL'); })));
  for (const dir of dataDirs) {
    // Whatever a failed assertion left running: adopt it and stop it, before its folder goes.
    if (runningServerPort(path.join(dir, 'postgres')) !== undefined) await (await startEmbeddedPostgres(dir)).release();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** `serve` in a process of its own (node, no npm or tsx wrapper: a signal reaches it), with what it printed. */
function serve(port: number, settings: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, AHADI_DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  Object.assign(env, settings);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const running = new Promise<void>((resolve, reject) => {
    proc.stderr!.on('data', () => { if (stderr.includes('Ahadi is running at')) resolve(); });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  running.catch(() => {}); // a process expected to fail is awaited through `exited` only
  return { proc, exited, running, stderr: () => stderr, url: `http://127.0.0.1:${port}` };
}

describe('npm start (serve) on the embedded PostgreSQL', { timeout: 240_000 }, () => {
  it('refuses a second portal on the same data folder at once, and stops on SIGTERM after the requests it is answering', async () => {
    const first = serve(await freePort());
    await first.running;

    // Another port, the same folder: it ran unnoticed on the first one's database, and answered 500 once the first stopped.
    const second = serve(await freePort());
    expect(await Promise.race([second.exited, second.running.then(() => 'running as well')])).toBe(1);
    expect(second.stderr()).toContain(`Another Ahadi portal is already serving the data folder ${dataDir} (AHADI_DATA_DIR)`);
    expect(second.stderr()).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    const download = fetch(`${first.url}/open-data/ahadi-open-data.zip`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.proc.kill('SIGTERM');
    const stopping = Date.now();
    const answer = await download;
    expect(answer.status).toBe(200);
    expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await first.exited).toBe(0);
    // The download's connection, kept alive by fetch, held the exit for Fastify's keep-alive timeout (72 s).
    expect(Date.now() - stopping).toBeLessThan(20_000);
    expect(first.stderr()).toContain('Shutting down');
    expect(runningServerPort(path.join(dataDir, 'postgres'))).toBeUndefined();
  });

  it('names PORT and HOST when the port is taken, and ends without a stack trace', async () => {
    const database = await createTestDatabase();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const run = serve(port, { DATABASE_URL: database.url, AHADI_DEMO: 'false' });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toContain(`PORT ${port} on HOST 127.0.0.1 is already in use (another Ahadi, or another program)`);
      expect(run.stderr()).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
      await database.drop();
    }
  });

  it('stops cleanly on Ctrl-C during a first start, leaving no PostgreSQL running without its owner', async () => {
    const folder = newDataDir();
    const run = serve(await freePort(), { AHADI_DATA_DIR: folder });
    await new Promise<void>((resolve) => run.proc.stderr!.on('data', () => { if (run.stderr().includes('Embedded PostgreSQL started')) resolve(); }));
    run.proc.kill('SIGINT');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('Stopped by a signal during the start; the next start goes on from there.');
    expect(runningServerPort(path.join(folder, 'postgres'))).toBeUndefined();
  });
});

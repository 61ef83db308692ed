import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, postmasterPid, runSync, sleep } from './processes.ts';
import { freePort, sharedBuffersMegabytes } from '../src/db/embedded-postgres.ts';

/**
 * A throwaway PostgreSQL server from Debian's binaries (`pg_config --bindir`, PostgreSQL 15 on Debian 12), started
 * the way .ci/run starts one: a new cluster in a temporary folder, owned by the `postgres` system user when running
 * as root, listening on 127.0.0.1 only, with default durability settings. Stopped and deleted when the run ends.
 */
export type DebianPostgres = {
  version: string;
  bindir: string;
  dataDir: string;
  adminUrl: string;
  urlOf(database: string): string;
  postmasterPid(): number | undefined;
  runAs: { uid: number; gid: number } | undefined;
  stop(): Promise<void>;
};

/** Debian's server binaries, or a reason why there are none. */
export function findDebianPostgres(): { bindir: string; version: string } | { missing: string } {
  const candidates: string[] = [];
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (config.status === 0) candidates.push(config.stdout.trim());
  if (fs.existsSync('/usr/lib/postgresql')) {
    for (const major of fs.readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${major}/bin`);
  }
  for (const bindir of candidates) {
    if (!['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(bindir, b)))) continue;
    // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
    const version = /\(PostgreSQL\) ([\d.]+)/.exec(spawnSync(path.join(bindir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout)?.[1] ?? '';
    if (Number(version.split('.')[0]) >= 15) return { bindir, version };
  }
  return { missing: 'no PostgreSQL 15+ server binaries (Debian: apt-get install postgresql)' };
}

export async function startDebianPostgres(bindir: string, version: string, log: (line: string) => void): Promise<DebianPostgres> {
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-bench-pg-'));
  const removeTmp = onCleanup(`temporary folder ${tmp}`, () => fs.rmSync(tmp, { recursive: true, force: true }));
  if (runAs) fs.chownSync(tmp, runAs.uid, runAs.gid);
  fs.chmodSync(tmp, 0o700);
  const dataDir = path.join(tmp, 'data');
  const sockDir = path.join(tmp, 'sock');
  const user = 'ahadi_bench';
  const password = randomBytes(24).toString('hex');
  const pwFile = path.join(tmp, 'pwfile');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwFile, runAs.uid, runAs.gid);
  runSync(path.join(bindir, 'initdb'), ['-D', dataDir, '-U', user, '--auth=scram-sha-256', `--pwfile=${pwFile}`,
    '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { ...runAs, cwd: tmp, timeoutMs: 120_000 });
  fs.rmSync(pwFile);
  fs.mkdirSync(sockDir);
  if (runAs) fs.chownSync(sockDir, runAs.uid, runAs.gid);

  let port = 0;
  let started = false;
  for (let attempt = 1; attempt <= 3 && !started; attempt++) {
    port = await freePort();
    const result = spawnSync(path.join(bindir, 'pg_ctl'), ['start', '-D', dataDir, '-l', path.join(tmp, 'postgres.log'), '-w', '-t', '60',
      // The embedded server's shared buffers, so that the two engines differ by their versions only.
      '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockDir} -c shared_buffers=${sharedBuffersMegabytes(os.totalmem())}MB`], {
      uid: runAs?.uid, gid: runAs?.gid, cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 90_000,
    });
    started = result.status === 0;
  }
  const stop = async () => {
    spawnSync(path.join(bindir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], {
      uid: runAs?.uid, gid: runAs?.gid, cwd: tmp, stdio: 'ignore', timeout: 45_000,
    });
    // Only ever our own server: the pid in this cluster's postmaster.pid.
    const pid = postmasterPid(dataDir);
    if (pid !== undefined) {
      process.kill(pid, 'SIGQUIT');
      await sleep(2_000);
    }
  };
  // Registered after the folder's removal, so it runs first: stop the server, then delete its folder.
  const unregister = onCleanup(`Debian PostgreSQL ${version} on port ${port}`, stop);
  if (!started) {
    const logTail = fs.existsSync(path.join(tmp, 'postgres.log')) ? fs.readFileSync(path.join(tmp, 'postgres.log'), 'utf8').slice(-2000) : '';
    throw new Error(`Debian PostgreSQL did not start:\n${logTail}`);
  }
  log(`Debian PostgreSQL ${version} started on 127.0.0.1:${port} (cluster in ${dataDir})`);
  const urlOf = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  return {
    version, bindir, dataDir, adminUrl: urlOf('postgres'), urlOf, runAs,
    postmasterPid: () => postmasterPid(dataDir),
    async stop() {
      unregister();
      await stop();
      removeTmp();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root, and there is no "postgres" system user to run Debian\'s PostgreSQL (apt-get install postgresql creates it)');
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}



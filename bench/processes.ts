import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the benchmark starts, and how it stops it: every server and database is registered here when it starts, and
 * stopped (newest first) when the run ends, fails, or is interrupted with Ctrl-C, each within a time limit. Only
 * processes this run started are ever signalled, by their own pid.
 */
type Cleanup = { name: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let stopping: Promise<void> | undefined;

export function onCleanup(name: string, run: Cleanup['run']): () => void {
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export function cleanupAll(): Promise<void> {
  stopping ??= (async () => {
    while (cleanups.length > 0) {
      const entry = cleanups.pop()!;
      try {
        await withTimeout(Promise.resolve(entry.run()), 30_000, `stopping ${entry.name}`);
      } catch (error) {
        console.error(`bench: could not stop ${entry.name}: ${(error as Error).message}`);
      }
    }
  })();
  return stopping;
}

/** Ctrl-C, kill, or a watchdog: stop everything, then exit. A second Ctrl-C exits at once. */
export function installSignalHandlers(deadlineSeconds: number): void {
  let interrupted = false;
  const stop = (code: number, why: string) => {
    if (interrupted) process.exit(code);
    interrupted = true;
    console.error(`\nbench: ${why}; stopping what it started...`);
    void cleanupAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop(130, 'interrupted'));
  process.on('SIGTERM', () => stop(143, 'terminated'));
  process.on('SIGHUP', () => stop(129, 'hung up'));
  const watchdog = setTimeout(() => stop(124, `over its time limit of ${deadlineSeconds} s`), deadlineSeconds * 1000);
  watchdog.unref();
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type Child = { process: ChildProcess; pid: number; logFile: string; exited: Promise<number | null> };

/** Starts a child with its output in a log file, registered for cleanup (SIGTERM, then SIGKILL after `graceMs`). */
export function startChild(name: string, command: string, args: string[], options: SpawnOptions & { logFile: string; graceMs?: number }): Child {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid;
  const unregister = onCleanup(name, () => stopChild({ process: child, pid, logFile: options.logFile, exited }, options.graceMs ?? 15_000));
  void exited.then(unregister);
  return { process: child, pid, logFile: options.logFile, exited };
}

export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const stopped = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!stopped) {
    child.process.kill('SIGKILL');
    await Promise.race([child.exited, sleep(5_000)]);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a URL until it answers 200, the child exits, or the time is up. */
export async function waitForHttp(url: string, child: Child | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null)) {
      throw new Error(`the server exited before answering ${url}; last lines of ${child.logFile}:\n${tail(child.logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer(); // an unread body holds the connection open
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${last})`);
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs a command to completion (bounded), throwing with its output when it fails. */
export function runSync(command: string, args: string[], options: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8', uid: options.uid, gid: options.gid, cwd: options.cwd ?? '/', env: options.env ?? process.env,
    timeout: options.timeoutMs ?? 600_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}${result.stdout}`);
  }
  return result;
}

/** Resident memory of one process (VmRSS, or VmHWM for its peak), in MB. */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Memory of a PostgreSQL server: the proportional set size (Pss, shared memory split between the processes that
 * map it) of the postmaster and all its children, in MB. RSS would count shared buffers once per backend.
 */
export function postgresPssMb(postmasterPid: number): number | undefined {
  const pids = [postmasterPid, ...childrenOf(postmasterPid)];
  let kb = 0;
  for (const pid of pids) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb > 0 ? kb / 1024 : undefined;
}

function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may contain spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return found;
}

/** The postmaster's pid of a cluster, from its postmaster.pid, when it runs. */
export function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

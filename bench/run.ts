import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_SET, type DataSetOptions } from '../src/generate/data-set.ts';
import { inLanguage, LANGUAGES, TOPICS } from '../src/generate/word-lists.ts';
import { adminQuery, loadDebian, prepareEmbedded, type Targets } from './data-sets.ts';
import { findDebianPostgres, startDebianPostgres } from './debian-postgres.ts';
import { freePort } from '../src/db/embedded-postgres.ts';
import { measureDownloads } from './downloads.ts';
import { describeRates, freshEmbedded, measureImports, OGP_EXTRACT, type ImportRates } from './import-rate.ts';
import { measure, warmUp, type LoadResult } from './load.ts';
import {
  cleanupAll, installSignalHandlers, postgresPssMb, postmasterPid, rssMb, startChild, stopChild, waitForHttp,
} from './processes.ts';
import { renderReport, type EngineResult, type Report, type TargetKey, type TargetResult } from './report.ts';

/**
 * `npm run bench [-- --quick] [--seconds S] [--connections C] [--commitments N] [--engines embedded,debian]`
 *
 * Measures the portal under load on a generated data set, on the embedded PostgreSQL and on Debian's PostgreSQL,
 * against a bare static file server serving a saved copy of the same commitment page, and prints a markdown table
 * (also written to bench/results/). Everything it starts is stopped at the end, on failure and on Ctrl-C.
 * See docs/decisions/010-benchmarks.md.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    'warm-up': { type: 'string' },
    connections: { type: 'string', default: '10' },
    commitments: { type: 'string' },
    members: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_DATA_SET.seed },
    engines: { type: 'string', default: 'embedded,debian' },
    'no-import': { type: 'boolean', default: false },
    'time-limit': { type: 'string' },
    'quiet-wait': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run bench [-- options]
  --quick               2,000 commitments, 3 s per target (a fast check)
  --seconds S           seconds of load per target (default 10; quick 3)
  --warm-up S           seconds of warm-up per target before measuring (default 3; quick 1)
  --connections C       concurrent connections (default 10)
  --commitments N       size of the generated data set (default 50000; quick 2000)
  --members M           members of the generated data set (default 200)
  --seed S              generator seed (default "${DEFAULT_DATA_SET.seed}")
  --engines LIST        embedded,debian (default both)
  --no-import           skip the OGP dataset import rate
  --quiet-wait MIN      wait up to MIN minutes for an idle machine before each phase (default 5; quick 0)
  --time-limit MIN      stop everything after MIN minutes (default 90; quick 20)
Data sets are cached in $AHADI_BENCH_DIR (default ./tmp/bench); results go to bench/results/.`);
  process.exit(0);
}

const quick = args.quick;
const positive = (value: string | undefined, fallback: number, name: string) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name}: a positive number`);
    process.exit(2);
  }
  return n;
};
const settings = {
  seconds: positive(args.seconds, quick ? 3 : 10, 'seconds'),
  warmUpSeconds: positive(args['warm-up'], quick ? 1 : 3, 'warm-up'),
  connections: Math.round(positive(args.connections, 10, 'connections')),
  commitments: Math.round(positive(args.commitments, quick ? 2000 : DEFAULT_DATA_SET.commitments, 'commitments')),
  members: Math.round(positive(args.members, DEFAULT_DATA_SET.members, 'members')),
  seed: args.seed,
};
const engines = new Set(args.engines.split(',').map((e) => e.trim()));
const quietWaitMinutes = args['quiet-wait'] === undefined ? (quick ? 0 : 5) : Number(args['quiet-wait']);
const timeLimitMinutes = positive(args['time-limit'], quick ? 20 : 90, 'time-limit');
const benchDir = path.resolve(process.env.AHADI_BENCH_DIR ?? path.join(repoRoot, 'tmp', 'bench'));
const options: DataSetOptions = { commitments: settings.commitments, members: settings.members, seed: settings.seed };

installSignalHandlers(timeLimitMinutes * 60);

async function main(): Promise<void> {
  fs.mkdirSync(benchDir, { recursive: true });
  const report: Report = {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(),
    settings,
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`,
    targets: '',
    loadAverages: [],
    engines: [],
  };
  const noteLoad = async (phase: string) => {
    await waitForQuiet(phase);
    report.loadAverages.push(`${phase} ${os.loadavg()[0]!.toFixed(2)}`);
  };

  // 1. The data set, generated once into the embedded cluster and reused.
  const embedded = await prepareEmbedded(benchDir, options, log);
  const targets = embedded.marker.targets;
  report.targets = describeTargets(targets);
  const generated = embedded.marker.generated;
  const generatedText = `generated ${embedded.reused ? '(cached) ' : ''}in ${generated.seconds.toFixed(0)} s, ${int(generated.rows / generated.seconds)} rows/s`;
  const staticFile = path.join(benchDir, 'static', 'commitment-page.html');

  // 2. The embedded engine (the Ahadi server starts and stops its own PostgreSQL on the cached folder).
  if (engines.has('embedded')) {
    await noteLoad('embedded');
    const result = await runEngine('embedded PostgreSQL', targets, {
      env: { AHADI_DATA_DIR: embedded.dataDir, DATABASE_URL: '' },
      postgresPid: () => postmasterPid(embedded.clusterDir),
      beforeStop: async (baseUrl) => saveStaticCopy(`${baseUrl}/en/commitments/${targets.commitmentId}`, staticFile),
      afterStop: () => stopOrphanPostgres(embedded.clusterDir),
    });
    result.dataLoad = generatedText;
    result.name = `embedded PostgreSQL ${postgresVersionOf(embedded.clusterDir)}`;
    if (!args['no-import']) {
      log('Measuring `import ogp-dataset` (the extract, then it repeated to ~5,000 rows) into new embedded clusters');
      result.importRates = await measureImports(repoRoot, OGP_EXTRACT, benchDir, async (name) => freshEmbedded(path.join(benchDir, `import-embedded-${name}`)));
      logImports(result.importRates);
    }
    report.engines.push(result);
  }

  // 3. The static upper bound: a bare Node static file server with a saved copy of the same page.
  if (!fs.existsSync(staticFile)) {
    // Without the embedded engine this run, the copy comes from the Debian engine's server below.
    log('No saved commitment page yet: the static bound is measured after the Debian engine');
  } else {
    await noteLoad('static');
    report.staticBound = await measureStatic(staticFile, targets);
  }

  // 4. Debian's PostgreSQL, a throwaway server loaded with the same data set.
  if (engines.has('debian')) {
    const found = findDebianPostgres();
    if ('missing' in found) {
      report.engines.push({ name: 'Debian PostgreSQL', targets: [], dataLoad: '—', skipped: found.missing });
    } else {
      const server = await startDebianPostgres(found.bindir, found.version, log);
      try {
        const loaded = await loadDebian(server, benchDir, options, log);
        await noteLoad('debian');
        const result = await runEngine(`Debian PostgreSQL ${found.version}`, targets, {
          env: { DATABASE_URL: loaded.url },
          postgresPid: () => server.postmasterPid(),
          beforeStop: async (baseUrl) => {
            if (!fs.existsSync(staticFile)) await saveStaticCopy(`${baseUrl}/en/commitments/${targets.commitmentId}`, staticFile);
          },
        });
        result.dataLoad = loaded.generated
          ? `generated in ${loaded.generated.seconds.toFixed(0)} s, ${int(loaded.generated.rows / loaded.generated.seconds)} rows/s`
          : loaded.how;
        if (!args['no-import']) {
          log('Measuring `import ogp-dataset` (the extract, then it repeated to ~5,000 rows) into new databases on Debian PostgreSQL');
          result.importRates = await measureImports(repoRoot, OGP_EXTRACT, benchDir, async (name) => {
            await adminQuery(server.adminUrl, `create database ahadi_import_${name}`);
            return { env: { ...process.env, DATABASE_URL: server.urlOf(`ahadi_import_${name}`) }, remove: () => adminQuery(server.adminUrl, `drop database ahadi_import_${name}`) };
          });
          logImports(result.importRates);
        }
        report.engines.push(result);
      } finally {
        await server.stop();
      }
    }
  }
  if (!report.staticBound && fs.existsSync(staticFile)) await noteLoad('static');
  if (!report.staticBound && fs.existsSync(staticFile)) report.staticBound = await measureStatic(staticFile, targets);

  const markdown = renderReport(report);
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), markdown);
  fs.writeFileSync(path.join(resultsDir, `latest-${report.mode}.md`), markdown);
  console.log(`\n${markdown}`);
  log(`Written to bench/results/latest.md and bench/results/latest-${report.mode}.md`);
}

/**
 * Waits (up to --quiet-wait minutes) for the machine to be idle: a 1-minute load average under half the cores.
 * Measuring while tests or builds run elsewhere on the machine gives figures that say nothing about Ahadi.
 */
async function waitForQuiet(phase: string): Promise<void> {
  const limit = Date.now() + quietWaitMinutes * 60_000;
  const idle = () => os.loadavg()[0]! < os.cpus().length / 2;
  if (idle()) return;
  log(`Load average ${os.loadavg()[0]!.toFixed(2)} before ${phase}: waiting up to ${quietWaitMinutes} min for the machine to be idle`);
  while (!idle() && Date.now() < limit) await new Promise((r) => setTimeout(r, 5_000));
  if (!idle()) log(`  still busy (load average ${os.loadavg()[0]!.toFixed(2)}): measuring anyway; the figures will be low`);
}

type EngineSetup = {
  env: NodeJS.ProcessEnv;
  postgresPid: () => number | undefined;
  beforeStop?: (baseUrl: string) => Promise<void>;
  afterStop?: () => Promise<void>;
};

/** Starts the Ahadi server on one database, loads each target in turn, reads memory, stops the server. */
async function runEngine(name: string, targets: Targets, setup: EngineSetup): Promise<EngineResult> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(benchDir, 'logs', `server-${name.split(' ')[0]!.toLowerCase()}.log`);
  log(`Starting the Ahadi server on ${name} (log: ${logFile})`);
  const server = startChild(`Ahadi server (${name})`, process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: repoRoot, logFile, env: { ...process.env, ...setup.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  const result: EngineResult = { name, targets: [], dataLoad: '' };
  try {
    await waitForHttp(`${baseUrl}/api/v1/commitments/${targets.commitmentId}`, server, 180_000);
    const memberSlugs = await readApiList(baseUrl, '/api/v1/members', 'slug');
    const commitmentIds = await readApiList(baseUrl, '/api/v1/commitments?sort=id', 'ogpId', API_COMMITMENTS_IN_TURN);
    for (const target of targetList(targets, memberSlugs, commitmentIds)) {
      const url = `${baseUrl}${target.path}`;
      const probe = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((e: Error) => e);
      // Read the body: a response left unread holds its connection open, and the server's shutdown waits for it.
      if (!(probe instanceof Error)) await probe.arrayBuffer().catch(() => undefined);
      if (probe instanceof Error || !probe.ok) {
        const status = probe instanceof Error ? probe.message : `HTTP ${probe.status}`;
        if (target.optional && !(probe instanceof Error) && probe.status === 404) continue;
        result.targets.push({ ...target, error: `not measured: ${status}` });
        continue;
      }
      result.targets.push({ ...target, result: await load(url, target.name, name, target) });
    }
    log(`Downloading the whole list as CSV, JSON and XLSX from ${name}`);
    result.downloads = await measureDownloads(baseUrl);
    result.serverRssMb = rssMb(server.pid);
    result.serverPeakMb = rssMb(server.pid, 'VmHWM');
    const pgPid = setup.postgresPid();
    result.postgresMb = pgPid === undefined ? undefined : postgresPssMb(pgPid);
    await setup.beforeStop?.(baseUrl);
  } finally {
    log(`Stopping the Ahadi server on ${name}`);
    await stopChild(server, 60_000);
    await setup.afterStop?.();
  }
  return result;
}

async function measureStatic(file: string, targets: Targets): Promise<Report['staticBound']> {
  const port = await freePort();
  const child = startChild('static file server', process.execPath, ['--import', 'tsx', 'bench/static-server.ts', file, String(port)], {
    cwd: repoRoot, logFile: path.join(benchDir, 'logs', 'static-server.log'),
  });
  try {
    const url = `http://127.0.0.1:${port}/en/commitments/${targets.commitmentId}`;
    await waitForHttp(url, child, 30_000);
    const result = await load(url, 'static bound', 'bare Node http');
    return { ...result, file, bytes: fs.statSync(file).size };
  } finally {
    await stopChild(child);
  }
}

async function load(url: string, target: string, engine: string,
  options: { paths?: string[]; connections?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  const { paths, connections = settings.connections, headers } = options;
  // Pages asked for in turn are not warmed up: the warm-up would put the first ones in the server's page cache.
  if (!paths) await warmUp(url, { connections, seconds: settings.warmUpSeconds, headers });
  const result = await measure(url, { connections, seconds: settings.seconds, headers }, paths);
  log(`  ${target} on ${engine}: ${int(result.rps)} req/s, p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, ` +
    `p99 ${result.p99.toFixed(2)} ms${result.errors || result.non2xx ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''}`);
  return result;
}

/**
 * The pages measured. The list and search are measured three ways:
 * - the same page again and again (as a popular link is asked for; from the second request on, the server's page
 *   cache answers);
 * - pages in turn, as visitors page through results (`paths`: each member's list, with and without the policy area,
 *   in three sorts; each topic's words in four sorts on eight result pages): no page is asked for twice, so none is
 *   kept, but the pages of one filter state follow each other and share its count and facets, which the server
 *   keeps per filter state (decision 020): most of these requests make only their page's ids, and a search's
 *   pages after the first in one sort not even those (the first ten pages' ids are kept per sort);
 * - a different filter state at every request, which nothing kept serves: what a page costs with nothing kept
 *   (each member once with and once without the area, in the default sort; each topic's words in each language; on
 *   the French, Spanish and Swahili pages, so that no count kept by the English pages in turn serves them).
 * The API is measured the same way: one commitment's record and one list again and again (kept responses, decision
 * 021), and commitments and lists in turn (the lists of the member pages above, so only their totals are kept).
 * The report says when a run went through all its pages and came back to pages already made.
 */
function targetList(t: Targets, memberSlugs: string[], commitmentIds: string[]): (Omit<TargetResult, 'result' | 'error'> & { optional?: boolean })[] {
  const filter = `area=${encodeURIComponent(t.area)}&member=${encodeURIComponent(t.member)}`;
  const sorts = ['newest', 'oldest', 'id'];
  const memberLists = memberSlugs.flatMap((slug) => sorts.flatMap((sort) => [`&area=${encodeURIComponent(t.area)}`, ''].map((area) =>
    `/en/commitments?member=${encodeURIComponent(slug)}${area}&sort=${sort}`)));
  const searches = TOPICS.flatMap((topic) => ['relevance', ...sorts].flatMap((sort) => [1, 2, 3, 4, 5, 6, 7, 8].map((page) =>
    `/en/commitments?q=${encodeURIComponent(inLanguage(topic.name, 'en'))}&sort=${sort}${page > 1 ? `&page=${page}` : ''}`)));
  const otherLocales = ['fr', 'es', 'sw'];
  const memberStates = otherLocales.flatMap((locale) => memberSlugs.flatMap((slug) => [`&area=${encodeURIComponent(t.area)}`, ''].map((area) =>
    `/${locale}/commitments?member=${encodeURIComponent(slug)}${area}`)));
  const searchStates = otherLocales.flatMap((locale) => TOPICS.flatMap((topic) => LANGUAGES.map((language) =>
    `/${locale}/commitments?q=${encodeURIComponent(inLanguage(topic.name, language))}`)));
  // In three languages of titles: a list costs ~2 ms here, and 1,200 came round again within a run.
  const apiLists = ['en', 'fr', 'es'].flatMap((locale) => memberLists.map((page) => `${page.replace('/en/commitments?', '/api/v1/commitments?')}&locale=${locale}`));
  const inTurn = (n: number, what: string) => `${int(n)} pages in turn, no page kept, ${what}`;
  const eachState = (n: number) => `${int(n)} filter states in turn, nothing kept`;
  const list: (Omit<TargetResult, 'result' | 'error'> & { optional?: boolean })[] = [
    { key: 'page', name: 'commitment page', path: `/en/commitments/${t.commitmentId}` },
    // As browsers ask (decision 023): the kept page's brotli form is kept with it.
    { key: 'pageCompressed', name: 'commitment page in brotli (Accept-Encoding: br, gzip)', path: `/en/commitments/${t.commitmentId}`, headers: COMPRESSED },
    { key: 'list', name: 'filtered list (same page)', path: `/en/commitments?${filter}` },
    { key: 'listCompressed', name: 'filtered list (same page) in brotli', path: `/en/commitments?${filter}`, headers: COMPRESSED },
    { key: 'listEach', name: `filtered list (${inTurn(memberLists.length, 'counts kept per filter')})`, path: memberLists[0] ?? `/en/commitments?${filter}`, paths: memberLists },
    { key: 'listStates', name: `filtered list (${eachState(memberStates.length)})`, path: memberStates[0] ?? `/fr/commitments?${filter}`, paths: memberStates },
    { key: 'search', name: 'search (same page)', path: `/en/commitments?q=${encodeURIComponent(t.q)}` },
    { key: 'searchEach', name: `search (${inTurn(searches.length, 'counts kept per filter, first pages per sort')})`, path: searches[0]!, paths: searches },
    { key: 'searchStates', name: `search (${eachState(searchStates.length)})`, path: searchStates[0]!, paths: searchStates },
    // One visitor at a time: the time a page takes to make, without the queue that ten at once on two cores build.
    // In reverse order, so that the pages and counts the runs above made are not met first.
    { key: 'listEachAlone', name: 'filtered list (pages in turn, counts kept per filter, 1 connection)', path: memberLists[1] ?? memberLists[0]!, paths: [...memberLists].reverse(), connections: 1 },
    { key: 'listStatesAlone', name: 'filtered list (filter states in turn, nothing kept, 1 connection)', path: memberStates[1] ?? memberStates[0]!, paths: [...memberStates].reverse(), connections: 1 },
    { key: 'searchEachAlone', name: 'search (pages in turn, counts kept per filter, first pages per sort, 1 connection)', path: searches[1]!, paths: [...searches].reverse(), connections: 1 },
    { key: 'searchStatesAlone', name: 'search (filter states in turn, nothing kept, 1 connection)', path: searchStates[1]!, paths: [...searchStates].reverse(), connections: 1 },
    { key: 'api', name: 'API: a commitment (same one)', path: `/api/v1/commitments/${t.commitmentId}` },
    { key: 'apiEach', name: `API: a commitment (${int(commitmentIds.length)} in turn, no response kept)`, path: `/api/v1/commitments/${commitmentIds[0] ?? t.commitmentId}`,
      paths: commitmentIds.map((id) => `/api/v1/commitments/${id}`) },
    { key: 'apiList', name: 'API: filtered list (same page)', path: `/api/v1/commitments?${filter}`, optional: true },
    { key: 'apiListEach', name: `API: filtered list (${int(apiLists.length)} lists in turn, no response kept, totals kept per filter and shared by languages)`,
      path: apiLists[0] ?? `/api/v1/commitments?${filter}`, paths: apiLists },
  ];
  return list satisfies { key: TargetKey }[];
}

/** Commitments whose API record is asked for in turn: enough that a 5 s run at ~400 req/s asks for none twice. */
const API_COMMITMENTS_IN_TURN = 3000;
const COMPRESSED = { 'accept-encoding': 'br, gzip' };

/** One field of the items of an API list (`list` with its query), read a page of 100 at a time, up to `max` items. */
async function readApiList(baseUrl: string, list: string, field: string, max = Infinity): Promise<string[]> {
  const values: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${baseUrl}${list}${list.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!response.ok) throw new Error(`${list}: HTTP ${response.status}`);
    const page = await response.json() as { data: Record<string, string>[]; nextCursor: string | null };
    values.push(...page.data.map((item) => item[field]!));
    cursor = page.nextCursor;
  } while (cursor && values.length < max);
  return values.slice(0, max);
}

function describeTargets(t: Targets): string {
  return `commitment ${t.commitmentId}; list filtered by member \`${t.member}\` and area \`${t.area}\` ` +
    `(${int(t.matches.list)} matches); search \`${t.q}\` (${int(t.matches.search)} matches)`;
}

async function saveStaticCopy(url: string, file: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`could not save ${url}: HTTP ${response.status}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await response.text());
  log(`Saved a copy of ${url} to ${file}`);
}

function postgresVersionOf(clusterDir: string): string {
  try {
    return fs.readFileSync(path.join(clusterDir, 'PG_VERSION'), 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The server stops its embedded PostgreSQL when it shuts down; when it had to be killed, that server is left
 * running on the cached cluster: stop it (fast shutdown) by the pid in the cluster's postmaster.pid.
 */
async function stopOrphanPostgres(clusterDir: string): Promise<void> {
  const pid = postmasterPid(clusterDir);
  if (pid === undefined) return;
  log(`Stopping the embedded PostgreSQL the server left running (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 120 && postmasterPid(clusterDir) !== undefined; i++) await new Promise((r) => setTimeout(r, 500));
}

function logImports(rates: ImportRates[]): void {
  for (const line of describeRates(rates)) log(`  import ${line}`);
}

function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

main().then(
  async () => {
    await cleanupAll();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    await cleanupAll();
    process.exit(1);
  },
);

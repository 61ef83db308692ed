import { DOWNLOAD_FORMATS, type DownloadTime } from './downloads.ts';
import type { ImportRate, ImportRates } from './import-rate.ts';
import type { LoadResult } from './load.ts';

/** The benchmark's results as a markdown report: figures, ratios to the static bound, and the targets met or missed. */
export type TargetKey = 'page' | 'pageCompressed' | 'list' | 'listCompressed' | 'listEach' | 'listStates' | 'listEachAlone' | 'listStatesAlone'
  | 'search' | 'searchEach' | 'searchStates' | 'searchEachAlone' | 'searchStatesAlone' | 'api' | 'apiEach' | 'apiList' | 'apiListEach';
/**
 * `paths`: the pages asked for in turn, when the target is a different page at every request; `connections`: when
 * not the run's setting; `headers`: sent with every request.
 */
export type TargetResult = {
  key: TargetKey; name: string; path: string; paths?: string[]; connections?: number; headers?: Record<string, string>; result?: LoadResult; error?: string;
};
export type EngineResult = {
  name: string;
  targets: TargetResult[];
  serverRssMb?: number;
  serverPeakMb?: number;
  postgresMb?: number;
  dataLoad: string;
  /** The extract, then it repeated to ~5,000 rows; each imported into an empty database, then again (unchanged). */
  importRates?: ImportRates[];
  downloads?: DownloadTime[];
  skipped?: string;
};
export type Report = {
  mode: 'quick' | 'full';
  startedAt: Date;
  settings: { seconds: number; warmUpSeconds: number; connections: number; commitments: number; members: number; seed: string };
  machine: string;
  /** 1-minute load average when each phase started: other work on the machine skews every figure. */
  loadAverages: string[];
  targets: string;
  staticBound?: LoadResult & { file: string; bytes: number };
  engines: EngineResult[];
};

const GOALS = {
  pageShare: 0.5,
  p95Ms: 30,
  importRowsPerSecond: 5000,
  rssMb: 300,
};

const P95_TARGETS: TargetKey[] = [
  'list', 'listEach', 'listStates', 'listEachAlone', 'listStatesAlone', 'search', 'searchEach', 'searchStates', 'searchEachAlone', 'searchStatesAlone',
];

export function goalOf(key: TargetKey): string {
  if (key === 'page') return `≥ ${GOALS.pageShare * 100} % of static req/s`;
  if (P95_TARGETS.includes(key)) return `p95 < ${GOALS.p95Ms} ms`;
  return '';
}

function verdict(key: TargetKey, result: LoadResult, staticBound: LoadResult | undefined): string {
  if (key === 'page') return staticBound ? pass(result.rps >= GOALS.pageShare * staticBound.rps) : '?';
  if (P95_TARGETS.includes(key)) return pass(result.p95 < GOALS.p95Ms);
  return '';
}

const pass = (ok: boolean) => (ok ? 'PASS' : '**MISS**');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const ratio = (n: number, bound: number | undefined) => (bound ? ` (${(n / bound).toFixed(2)}×)` : '');

export function renderReport(report: Report): string {
  const s = report.settings;
  const bound = report.staticBound;
  const lines: string[] = [
    `# Ahadi benchmark (${report.mode}) — ${report.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    '',
    `- Machine: ${report.machine}`,
    `- Load average (1 min) when each phase started: ${report.loadAverages.join('; ')}`,
    `- Data set: ${int(s.commitments)} generated commitments over ${s.members} members (seed "${s.seed}")`,
    `- Load: autocannon, ${s.connections} connections, ${s.seconds} s per target after a ${s.warmUpSeconds} s warm-up, on 127.0.0.1`,
    `- Targets: ${report.targets}`,
    '',
    '| target | engine | req/s (× static) | p50 ms (× static) | p95 ms (× static) | p99 ms (× static) | goal | |',
    '|---|---|---:|---:|---:|---:|---|---|',
  ];
  if (bound) {
    lines.push(`| static bound: saved commitment page (${int(bound.bytes / 1024)} KB) | bare Node http | ${int(bound.rps)} | ` +
      `${ms(bound.p50)} | ${ms(bound.p95)} | ${ms(bound.p99)} | upper bound | |`);
  }
  const keys = [...new Set(report.engines.flatMap((e) => e.targets.map((t) => t.key)))];
  for (const key of keys) {
    for (const engine of report.engines) {
      const target = engine.targets.find((t) => t.key === key);
      if (!target) continue;
      const r = target.result;
      if (!r) {
        lines.push(`| ${target.name} | ${engine.name} | — | — | — | — | ${goalOf(key)} | ${target.error ?? 'not measured'} |`);
        continue;
      }
      const repeated = target.paths && r.requests > target.paths.length ? ` (${int(r.requests)} requests: pages came round again, cached)` : '';
      const flags = `${r.errors || r.non2xx ? ` (${r.errors} errors, ${r.non2xx} non-2xx)` : ''}${repeated}`;
      lines.push(`| ${target.name} | ${engine.name} | ${int(r.rps)}${ratio(r.rps, bound?.rps)} | ${ms(r.p50)}${ratio(r.p50, bound?.p50)} | ` +
        `${ms(r.p95)}${ratio(r.p95, bound?.p95)} | ${ms(r.p99)}${ratio(r.p99, bound?.p99)} | ${goalOf(key)} | ${verdict(key, r, bound)}${flags} |`);
    }
  }
  lines.push('', `| measure | ${report.engines.map((e) => e.name).join(' | ')} | goal |`, `|---|${report.engines.map(() => '---:|').join('')}---|`);
  const row = (label: string, cell: (e: EngineResult) => string, goal = '') => lines.push(`| ${label} | ${report.engines.map(cell).join(' | ')} | ${goal} |`);
  row('Node server RSS after the run (VmRSS)', (e) => (e.serverRssMb === undefined ? '—' : `${int(e.serverRssMb)} MB ${pass(e.serverRssMb < GOALS.rssMb)}`), `< ${GOALS.rssMb} MB`);
  row('Node server peak RSS (VmHWM)', (e) => (e.serverPeakMb === undefined ? '—' : `${int(e.serverPeakMb)} MB`));
  row('PostgreSQL processes (sum of Pss)', (e) => (e.postgresMb === undefined ? '—' : `${int(e.postgresMb)} MB`));
  const importFiles = [...new Set(report.engines.flatMap((e) => (e.importRates ?? []).map((r) => r.file)))];
  for (const file of importFiles) {
    const rates = (e: EngineResult) => e.importRates?.find((r) => r.file === file);
    row(`OGP dataset import (\`import ogp-dataset\`), ${file}, into an empty database`, (e) => importCell(rates(e)?.first), `≥ ${int(GOALS.importRowsPerSecond)} rows/s`);
    row(`OGP dataset import, ${file} again (every row unchanged)`, (e) => importCell(rates(e)?.again), `≥ ${int(GOALS.importRowsPerSecond)} rows/s`);
  }
  for (const format of DOWNLOAD_FORMATS) {
    row(`download of the whole list as ${format.toUpperCase()} (× the CSV's time)`, (e) => downloadCell(e, format, report.settings.commitments));
  }
  row('data set load', (e) => e.dataLoad);
  const skipped = report.engines.filter((e) => e.skipped);
  if (skipped.length) lines.push('', ...skipped.map((e) => `- ${e.name}: skipped: ${e.skipped}`));
  lines.push('');
  return lines.join('\n');
}

function downloadCell(engine: EngineResult, format: string, rows: number): string {
  const time = engine.downloads?.find((d) => d.format === format);
  if (!time) return '—';
  if ('error' in time) return `failed: ${time.error}`;
  const csv = engine.downloads?.find((d) => d.format === 'csv');
  const share = format !== 'csv' && csv && 'seconds' in csv ? ` (${(time.seconds / csv.seconds).toFixed(2)}×)` : '';
  return `${time.seconds.toFixed(1)} s${share}, ${int(rows / time.seconds)} rows/s, ${(time.bytes / 2 ** 20).toFixed(1)} MB`;
}

function importCell(rate: ImportRate | undefined): string {
  if (!rate) return '—';
  if ('unavailable' in rate) return `n/a: ${rate.unavailable}`;
  return `${int(rate.rowsPerSecond)} rows/s (${int(rate.rows)} rows in ${rate.seconds.toFixed(2)} s) ${pass(rate.rowsPerSecond >= GOALS.importRowsPerSecond)}`;
}

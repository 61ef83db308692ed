import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clusterDirOf } from './data-sets.ts';
import { postmasterPid } from './processes.ts';
import { writeScaledDataset } from './scaled-dataset.ts';

/**
 * The import rate of OGP's dataset: `npm run ahadi -- import ogp-dataset FILE` into a fresh (migrated) database, read from the
 * summary it prints (`N rows`, `time: S s (R rows/s)`). The command's own time runs from reading the file to the
 * commit (parsing, mapping, validation, every statement and the commit's facet refresh included); it excludes
 * starting Node, loading modules and starting the database. Unavailable (with the reason) when the command or the
 * file does not exist.
 */
export type ImportRate = { rows: number; seconds: number; rowsPerSecond: number } | { unavailable: string };

/**
 * One file imported twice into one fresh database: `first` creates every commitment, `again` finds every row unchanged.
 * Two files: the shared extract (442 rows, where the fixed costs of a command weigh) and the extract repeated to the
 * size of OGP's whole dataset (scaled-dataset.ts), where the cost per row shows.
 */
export type ImportRates = { file: string; first: ImportRate; again: ImportRate };

/** A new, empty database for one measure: the environment that points the command at it, and how to remove it. */
export type FreshDatabase = { env: NodeJS.ProcessEnv; remove: () => void | Promise<void> };

// Copies of the 442-row extract in the larger file: 5,304 rows, about the size of OGP's dataset.
export const SCALED_COPIES = 12;

export async function measureImports(repoRoot: string, extract: string, workDir: string,
  freshDatabase: (name: string) => Promise<FreshDatabase>): Promise<ImportRates[]> {
  if (!fs.existsSync(extract)) {
    const unavailable = { unavailable: `no dataset file at ${extract}` };
    return [{ file: path.basename(extract), first: unavailable, again: unavailable }];
  }
  fs.mkdirSync(workDir, { recursive: true });
  const scaled = path.join(workDir, `ogp-dataset-x${SCALED_COPIES}.csv`);
  writeScaledDataset(extract, SCALED_COPIES, scaled);
  try {
    const rates: ImportRates[] = [];
    for (const [name, file] of [['extract', extract], ['scaled', scaled]] as const) {
      const database = await freshDatabase(name);
      try {
        rates.push({ file: path.basename(file), ...measureTwice(repoRoot, file, database.env) });
      } finally {
        await database.remove();
      }
    }
    return rates;
  } finally {
    fs.rmSync(scaled, { force: true });
  }
}

function measureTwice(repoRoot: string, file: string, env: NodeJS.ProcessEnv): Omit<ImportRates, 'file'> {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot, env, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  // A fresh database, as a new installation has it: migrated, empty.
  const migrated = cli('migrate');
  if (migrated.status !== 0) {
    const unavailable = { unavailable: `migrate failed: ${lastLines(`${migrated.stdout}\n${migrated.stderr}`)}` };
    return { first: unavailable, again: unavailable };
  }
  const first = rateOf(cli('import', 'ogp-dataset', file));
  const again = 'unavailable' in first ? { unavailable: 'the first import failed' } : rateOf(cli('import', 'ogp-dataset', file));
  return { first, again };
}

function rateOf(result: SpawnSyncReturns<string>): ImportRate {
  const output = `${result.stdout}\n${result.stderr}`;
  if (/Unknown import kind/i.test(output)) return { unavailable: '`import ogp-dataset` does not exist yet' };
  const rows = /:\s*([\d,]+) rows?\n/.exec(result.stdout)?.[1];
  const time = /time:\s*([\d.]+) s/.exec(result.stdout)?.[1];
  const rejected = Number(/rejected:\s*(\d+)/.exec(result.stdout)?.[1] ?? 0);
  if (!rows || !time) return { unavailable: `no import summary (exit ${result.status ?? result.signal}): ${lastLines(output)}` };
  if (result.status !== 0 || rejected > 0) return { unavailable: `import ogp-dataset rejected ${rejected} rows (exit ${result.status}): ${lastLines(result.stdout)}` };
  const seconds = Number(time);
  const count = Number(rows.replace(/,/g, ''));
  return { rows: count, seconds, rowsPerSecond: count / seconds };
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ');
}

/** An embedded cluster of its own under `dataDir`, which the import command starts and stops; removed afterwards. */
export function freshEmbedded(dataDir: string): FreshDatabase {
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    env: { ...process.env, AHADI_DATA_DIR: dataDir, DATABASE_URL: '' },
    remove() {
      const clusterDir = clusterDirOf(dataDir);
      if (postmasterPid(clusterDir) === undefined) fs.rmSync(clusterDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function describeRates(rates: ImportRates[]): string[] {
  const cell = (rate: ImportRate) => ('unavailable' in rate ? rate.unavailable : `${rate.rows} rows in ${rate.seconds.toFixed(2)} s, ${Math.round(rate.rowsPerSecond)} rows/s`);
  return rates.map((r) => `${r.file}: first ${cell(r.first)}; again (unchanged) ${cell(r.again)}`);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The shared extract of OGP's dataset, or the file AHADI_OGP_DATASET names. */
export const OGP_EXTRACT = path.resolve(process.env.AHADI_OGP_DATASET
  ?? path.join(repoRoot, '..', 'shared', 'data', 'ogp', 'ogp_commitments_open_parliament_2024-07.csv'));

// Alone: `npx tsx bench/import-rate.ts [--dir DIR]`, on embedded clusters in a temporary folder.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } });
  const workDir = fs.mkdtempSync(path.join(values.dir ?? os.tmpdir(), 'ahadi-import-rate-'));
  try {
    const rates = await measureImports(repoRoot, OGP_EXTRACT, workDir, async (name) => freshEmbedded(path.join(workDir, name)));
    for (const line of describeRates(rates)) console.log(line);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

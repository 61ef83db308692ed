import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The import rate of OGP's dataset: `npm run ahadi -- import ogp-dataset FILE` into a fresh (migrated) database, read from the
 * summary it prints (`N rows`, `time: S s (R rows/s)`). The command's own time runs from reading the file to the
 * commit (parsing, mapping, validation, every statement and the commit's facet refresh included); it excludes
 * starting Node, loading modules and starting the database. Unavailable (with the reason) when the command or the
 * file does not exist.
 */
export type ImportRate = { rows: number; seconds: number; rowsPerSecond: number } | { unavailable: string };

export function measureImport(repoRoot: string, file: string, env: NodeJS.ProcessEnv): ImportRate {
  if (!fs.existsSync(file)) return { unavailable: `no dataset file at ${file}` };
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot, env, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  // A fresh database, as a new installation has it: migrated, empty.
  const migrated = cli('migrate');
  if (migrated.status !== 0) return { unavailable: `migrate failed: ${lastLines(`${migrated.stdout}\n${migrated.stderr}`)}` };
  const result = cli('import', 'ogp-dataset', file);
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

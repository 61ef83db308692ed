/**
 * A quick measurement of the importers' saving, outside `npm run bench`:
 *   npx tsx bench/save-commitment-records.ts [--records 5000] [--batch 500]
 * In a throwaway embedded cluster it measures
 *  1. `import ogp-dataset` of the shared extract (the whole importer: read, map, check, save, commit), first and again;
 *  2. the import runner (check every record, then `saveCommitmentRecords` in batches of --batch, one transaction)
 *     on a synthetic set: OGP's dataset rows copied under new ids until there are --records of them; first and
 *     again (all unchanged);
 *  3. the same synthetic save with the search and facet triggers of migration 004 disabled, to show the saver's own
 *     share of the time.
 * `--until N` applies only the migrations up to N (e.g. 8, to measure before migration 009 in the same conditions).
 * Rates depend on the machine and its load; the summary prints the load average next to them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { CommitmentRecordInput } from '../src/commitments/commitment-record.ts';
import { commitmentTarget } from '../src/importers/commitment-target.ts';
import { runImport } from '../src/importers/import-run.ts';
import { createDb, type Db } from '../src/db/connect.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { listMigrations, migrate } from '../src/db/migrate.ts';
import { importOgpDataset } from '../src/importers/ogp-dataset/import-ogp-dataset.ts';
import { rowToRecord } from '../src/importers/ogp-dataset/row-to-record.ts';
import { readCsv } from '../src/importers/table/read-csv.ts';

const DATASET = path.resolve('../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv');
const TABLES_WITH_TRIGGERS = ['commitments', 'commitment_texts', 'commitment_policy_areas', 'commitment_institutions',
  'milestones', 'milestone_texts', 'irm_ratings', 'action_plans', 'members'];

const { values } = parseArgs({
  options: { records: { type: 'string', default: '5000' }, batch: { type: 'string', default: '500' }, until: { type: 'string' } },
});
const recordCount = Number(values.records);
const batchSize = Number(values.batch);

/** A folder with the migrations up to --until (all of them without it). */
function migrationsDir(): string | undefined {
  if (values.until === undefined) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-migrations-'));
  for (const m of listMigrations().filter((m) => m.version <= Number(values.until))) fs.copyFileSync(m.file, path.join(dir, path.basename(m.file)));
  return dir;
}
const migrations = migrationsDir();

/** The dataset's records, copied under new ids (same member, number 5000 and up) until there are `count`. */
function syntheticRecords(count: number): CommitmentRecordInput[] {
  const base = readCsv(fs.readFileSync(DATASET)).rows.map((row) => rowToRecord(row.cells).record);
  const nextNumber = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const source = base[i % base.length]!;
    const prefix = source.member.ogpPrefix;
    const number = nextNumber.get(prefix) ?? 5000;
    nextNumber.set(prefix, number + 1);
    return { ...source, ogpId: `${prefix}${number}` };
  });
}

async function saveAll(db: Db, records: CommitmentRecordInput[]): Promise<{ seconds: number; outcomes: Record<string, number> }> {
  const rows = records.map((item, i) => ({ rowNumber: i + 2, label: item.ogpId, item, warnings: [] }));
  const summary = await runImport(db, rows, commitmentTarget, { dryRun: false, batchSize });
  return { seconds: summary.seconds, outcomes: summary.counts };
}

async function freshDatabase(adminUrl: string, name: string): Promise<Db> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 2);
  await migrate(db, migrations);
  return db;
}

const line = (label: string, rows: number, seconds: number, extra = '') =>
  console.log(`${label.padEnd(52)} ${String(rows).padStart(6)} rows ${seconds.toFixed(3).padStart(8)} s ${String(Math.round(rows / seconds)).padStart(7)} rows/s ${extra}`);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-save-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir);
  try {
    const records = syntheticRecords(recordCount);
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);

    const datasetDb = await freshDatabase(server.adminUrl, 'bench_dataset');
    for (const label of ['import ogp-dataset (first)', 'import ogp-dataset (again: unchanged)']) {
      const summary = await importOgpDataset(datasetDb, DATASET, { dryRun: false });
      line(label, summary.results.length, summary.seconds, JSON.stringify(summary.counts));
    }
    await datasetDb.destroy();

    const withTriggers = await freshDatabase(server.adminUrl, 'bench_triggers');
    for (const label of [`synthetic import x${recordCount} (first)`, `synthetic import x${recordCount} (again)`]) {
      const run = await saveAll(withTriggers, records);
      line(label, records.length, run.seconds, JSON.stringify(run.outcomes));
    }
    await withTriggers.destroy();

    const bare = await freshDatabase(server.adminUrl, 'bench_bare');
    for (const table of TABLES_WITH_TRIGGERS) await sql`alter table ${sql.table(table)} disable trigger user`.execute(bare);
    const run = await saveAll(bare, records);
    line(`synthetic import x${recordCount}, 004 triggers off`, records.length, run.seconds, JSON.stringify(run.outcomes));
    await bare.destroy();
  } finally {
    await server.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (migrations) fs.rmSync(migrations, { recursive: true, force: true });
  }
}

await main();

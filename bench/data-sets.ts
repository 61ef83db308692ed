import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { readConfig } from '../src/config/config.ts';
import { connect, createDb, type Db } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { GENERATOR_VERSION, type DataSetOptions } from '../src/generate/data-set.ts';
import { progressLine } from '../src/generate/generate.command.ts';
import { saveDataSet, type SaveSummary } from '../src/generate/save-data-set.ts';
import { searchQuery } from '../src/commitments/commitment-list.queries.ts';
import type { DebianPostgres } from './debian-postgres.ts';
import { onCleanup, postmasterPid, runSync, sleep } from './processes.ts';

/**
 * The benchmark's data set: generated once into an embedded cluster kept under the bench folder (reused while its
 * marker file says it is complete and made by the same generator with the same options), and into Debian's
 * PostgreSQL from a cached pg_dump archive of the same generated set (generated there the first time).
 * Also picks what the load targets ask for: an existing commitment, a member and policy area that have many
 * commitments together, search words that match.
 */
export type Targets = { commitmentId: string; member: string; area: string; q: string; matches: { list: number; search: number } };
type Marker = { options: DataSetOptions; generatorVersion: number; targets: Targets; generated: SaveSummary; vacuumed?: boolean };

type Log = (line: string) => void;

export function dataSetKey(options: DataSetOptions): string {
  return `${options.commitments}-${options.members}-${options.seed.replace(/[^a-zA-Z0-9]/g, '_')}-v${GENERATOR_VERSION}`;
}

export async function prepareEmbedded(benchDir: string, options: DataSetOptions, log: Log): Promise<{ dataDir: string; clusterDir: string; marker: Marker; reused: boolean }> {
  const dataDir = path.join(benchDir, `embedded-${dataSetKey(options)}`);
  const markerFile = path.join(dataDir, 'bench-data-set.json');
  const existing = readMarker(markerFile, options);
  if (existing) {
    log(`Reusing the generated data set in ${dataDir}`);
    if (!existing.vacuumed) {
      const connection = await connect(readConfig({ AHADI_DATA_DIR: dataDir }), log);
      const unregister = onCleanup('embedded PostgreSQL (vacuum)', () => connection.close());
      try {
        await settle(connection.db, log);
      } finally {
        unregister();
        await connection.close();
      }
      existing.vacuumed = true;
      fs.writeFileSync(markerFile, `${JSON.stringify(existing, null, 2)}\n`);
    }
    return { dataDir, clusterDir: clusterDirOf(dataDir), marker: existing, reused: true };
  }
  if (fs.existsSync(dataDir)) {
    log(`Removing the incomplete data set in ${dataDir}`);
    await removeCluster(dataDir);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const connection = await connect(readConfig({ AHADI_DATA_DIR: dataDir }), log);
  // Ctrl-C while generating: close the pool and stop the embedded server this process started.
  const unregister = onCleanup('embedded PostgreSQL (generating)', () => connection.close());
  try {
    const generated = await generate(connection.db, options, 'embedded', log);
    await settle(connection.db, log);
    const targets = await pickTargets(connection.db);
    const marker: Marker = { options, generatorVersion: GENERATOR_VERSION, targets, generated, vacuumed: true };
    fs.writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    return { dataDir, clusterDir: clusterDirOf(dataDir), marker, reused: false };
  } finally {
    unregister();
    await connection.close();
  }
}

/** The same data set in a new database `ahadi` on Debian's server: restored from the cached archive, or generated. */
export async function loadDebian(server: DebianPostgres, benchDir: string, options: DataSetOptions, log: Log): Promise<{ url: string; how: string; generated?: SaveSummary }> {
  await adminQuery(server.adminUrl, 'create database ahadi');
  const url = server.urlOf('ahadi');
  const major = server.version.split('.')[0];
  const archive = path.join(benchDir, `debian-pg${major}-${dataSetKey(options)}.dump`);
  if (fs.existsSync(archive)) {
    const started = performance.now();
    runSync(path.join(server.bindir, 'pg_restore'), ['--no-owner', '--no-privileges', '--jobs=2', '--exit-on-error', '-d', url, archive], { timeoutMs: 1_800_000 });
    await adminQuery(url, 'vacuum (analyze)');
    const seconds = (performance.now() - started) / 1000;
    log(`Restored ${path.basename(archive)} into Debian PostgreSQL in ${seconds.toFixed(1)} s`);
    return { url, how: `restored from a cached pg_dump archive in ${seconds.toFixed(0)} s` };
  }
  const db = createDb(url, 4);
  let generated: SaveSummary;
  try {
    generated = await generate(db, options, `Debian PostgreSQL ${server.version}`, log);
    await settle(db, log);
  } finally {
    await db.destroy();
  }
  runSync(path.join(server.bindir, 'pg_dump'), ['--format=custom', `--file=${archive}.partial`, url], { timeoutMs: 1_800_000 });
  fs.renameSync(`${archive}.partial`, archive);
  log(`Saved ${archive} for the next runs`);
  return { url, how: 'generated', generated };
}

async function generate(db: Db, options: DataSetOptions, where: string, log: Log): Promise<SaveSummary> {
  await migrate(db);
  log(`Generating ${options.commitments} commitments (seed "${options.seed}") into ${where}`);
  let lastPrint = 0;
  const summary = await saveDataSet(db, options, {
    onProgress: (p) => {
      if (p.seconds - lastPrint < 10 && p.commitments < p.total) return;
      lastPrint = p.seconds;
      log(`  ${progressLine(p)}`);
    },
  });
  await sql`analyze`.execute(db);
  log(`Generated ${summary.commitments} commitments, ${summary.rows} rows in ${summary.seconds.toFixed(0)} s ` +
    `(${Math.round(summary.rows / summary.seconds)} rows/s)`);
  return summary;
}

/**
 * VACUUM (ANALYZE) after a bulk load: sets hint bits and the visibility map and gathers statistics, so the server
 * is measured in a steady state and not while autovacuum works through 1.5 million fresh rows (which also made its
 * shutdown checkpoint take more than 30 s).
 */
async function settle(db: Db, log: Log): Promise<void> {
  const started = performance.now();
  await sql`vacuum (analyze)`.execute(db);
  log(`Vacuumed and analyzed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function pickTargets(db: Db): Promise<Targets> {
  // A typical page: written in English, five milestones, reviewed by the IRM.
  const page = await sql<{ ogp_id: string }>`
    select c.ogp_id from commitments c
    where c.source_locale = 'en' and exists (select 1 from irm_reviews r where r.commitment_id = c.id)
      and (select count(*) from milestones m where m.commitment_id = c.id) = 5
    order by c.ogp_id limit 1`.execute(db);
  // The list: the member with the most commitments, and its most frequent policy area (a heavy, realistic filter).
  const member = await sql<{ slug: string }>`
    select m.slug from commitment_facets f join members m on m.id = f.member_id
    group by m.slug order by count(*) desc, m.slug limit 1`.execute(db);
  const slug = member.rows[0]!.slug;
  const area = await sql<{ area: string; n: number }>`
    select a.area, count(*)::int as n from commitment_facets f join members m on m.id = f.member_id,
      unnest(f.policy_areas) as a(area)
    where m.slug = ${slug} group by a.area order by count(*) desc, a.area limit 1`.execute(db);
  const q = 'beneficial ownership';
  const search = await sql<{ n: number }>`
    select count(distinct commitment_id)::int as n from commitment_texts where search_vector @@ ${searchQuery(q)}`.execute(db);
  return {
    commitmentId: page.rows[0]!.ogp_id, member: slug, area: area.rows[0]!.area, q,
    matches: { list: area.rows[0]!.n, search: search.rows[0]!.n },
  };
}

function readMarker(file: string, options: DataSetOptions): Marker | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
    const same = marker.generatorVersion === GENERATOR_VERSION && JSON.stringify(marker.options) === JSON.stringify(options);
    return same ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Where the embedded cluster of a data folder lives (see src/db/embedded-postgres.ts: postgres.location). */
export function clusterDirOf(dataDir: string): string {
  const location = path.join(dataDir, 'postgres.location');
  return fs.existsSync(location) ? fs.readFileSync(location, 'utf8').trim() : path.join(dataDir, 'postgres');
}

/** Stops a server left running on the folder's cluster (an interrupted run), then deletes the folder and cluster. */
async function removeCluster(dataDir: string): Promise<void> {
  const clusterDir = clusterDirOf(dataDir);
  const pid = postmasterPid(clusterDir);
  if (pid !== undefined) {
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 60 && postmasterPid(clusterDir) !== undefined; i++) await sleep(500);
  }
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

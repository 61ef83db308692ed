import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { readConfig } from '../src/config/config.ts';
import { connect } from '../src/db/connect.ts';
import type { Database } from '../src/db/schema.ts';
import { CommitmentFiltersSchema } from '../src/commitments/commitment-filters.ts';
import { countCommitments, findCommitmentListItems, findCommitmentPage } from '../src/commitments/commitment-list.queries.ts';
import { findCommitmentListPage } from '../src/commitments/commitment-list-page.queries.ts';
import { findCommitmentDetail } from '../src/commitments/commitment.queries.ts';

/**
 * `npx tsx bench/explain.ts [--data-dir DIR | --url URL] [--plans]`: runs the queries of the benchmark's pages
 * (commitment page, filtered list with its facets, search) once on the bench data set, then EXPLAIN ANALYZE of each,
 * and prints each query's server time (and with --plans, its plan). For finding the slow query behind a MISS.
 * `--repeat N` runs each EXPLAIN ANALYZE N times and prints the fastest and the median: on a machine others load,
 * the fastest of a few runs is what compares before and after. The whole list, a filtered list and a search are
 * explained as a first page (ids, count and facets in one statement), then as another page and another sort once their
 * count and facets are kept (decision 020): the page's ids only.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' }, url: { type: 'string' }, plans: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
  },
});

const dataDir = args['data-dir'] ?? path.join(repoRoot, 'tmp', 'bench', 'embedded-50000-200-ahadi-v1');
const connection = args.url ? undefined : await connect(readConfig({ AHADI_DATA_DIR: dataDir }));
const url = args.url ?? connection!.url;
const marker = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench-data-set.json'), 'utf8')) as {
  targets: { commitmentId: string; member: string; area: string; q: string };
};
const { commitmentId, member, area, q } = marker.targets;

const captured: { label: string; query: CompiledQuery }[] = [];
let label = '';
const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => { if (event.level === 'query') captured.push({ label, query: event.query }); },
});

const run = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  label = name;
  return work();
};
await run('commitment page', () => findCommitmentDetail(db, commitmentId, 'en'));
for (const [name, filters] of [['whole list', {}], ['list', { member, area }], ['search', { q }]] as const) {
  const parsed = CommitmentFiltersSchema.parse(filters);
  // The page's one statement, then the API's two (ids, count).
  const { hits, total, facets } = await run(`${name}: page (ids, count, facets)`, () => findCommitmentListPage(db, parsed, 'en', { offset: 0, limit: 20 }));
  // Another page or sort of the same filter state, its count and facets kept (decision 020): the ids only.
  await run(`${name}: page 2 (ids; facets kept)`, () => findCommitmentListPage(db, parsed, 'en', { offset: 20, limit: 20 }, Promise.resolve({ total, facets })));
  const other = CommitmentFiltersSchema.parse({ ...filters, sort: 'oldest' });
  await run(`${name}: oldest (ids; facets kept)`, () => findCommitmentListPage(db, other, 'en', { offset: 0, limit: 20 }, Promise.resolve({ total, facets })));
  await run(`${name}: API ids`, () => findCommitmentPage(db, parsed, { offset: 0 }, 20));
  await run(`${name}: API count`, () => countCommitments(db, parsed));
  await run(`${name}: items`, () => findCommitmentListItems(db, hits.map((h) => h.id), 'en', parsed.q));
}

const client = await pool.connect();
try {
  for (const { label: name, query } of captured) {
    if (!/^\s*(select|with)\b/i.test(query.sql)) continue;
    const times: number[] = [];
    let lines: string[] = [];
    for (let i = 0; i < Number(args.repeat); i++) {
      const explained = await client.query(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
      lines = explained.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
      times.push(Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1]));
    }
    times.sort((a, b) => a - b);
    const ms = (t: number) => `${t.toFixed(3)} ms`.padStart(12);
    const median = times.length > 1 ? ` (median ${ms(times[Math.floor(times.length / 2)]!).trim()})` : '';
    const firstLine = query.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    console.log(`${name.padEnd(34)} ${ms(times[0]!)}${median}  ${firstLine}`);
    if (args.plans) console.log(`${lines.map((l) => `    ${l}`).join('\n')}\n`);
  }
} finally {
  client.release();
  await db.destroy();
  await connection?.close();
}

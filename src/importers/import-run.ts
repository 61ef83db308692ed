import { performance } from 'node:perf_hooks';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

type Trx = Transaction<Database>;

export type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * One row of a source, read: the item it gives, why it cannot be imported, or why it is not an item at all
 * (a blank row a mapping says to skip).
 */
export type SourceRow<T> = {
  rowNumber: number;
  /** What the row is, in users' words: "KE0031", "MX0084, milestone 3". */
  label: string;
  warnings: string[];
} & (
  | { item: T; rejection?: undefined; skipped?: undefined }
  | { item?: undefined; rejection: string; skipped?: undefined }
  | { item?: undefined; rejection?: undefined; skipped: string }
);

/** The rows of a source, in order: an array, or rows made as they are read (mapped lazily), with their number. */
export type SourceRows<T> = Iterable<SourceRow<T>> & { readonly length: number };

export interface ImportTarget<T> {
  /** Two rows with the same key are the same thing: the second is rejected. */
  keyOf(item: T): string;
  /** Checks one item (its zod schema); a message naming the field when it is wrong. */
  check(item: T): string | undefined;
  /** Saves a batch inside the import's transaction: one result per item, in order. */
  save(trx: Trx, items: T[]): Promise<Saved[]>;
  /** The tables `save` fills, analyzed as they grow during a long import (see analyzeAsTablesGrow). */
  tables: readonly (keyof Database & string)[];
}

/**
 * What saving one item did. `overwrites`: how many of its records (it, its milestones) the save wrote over changes made in
 * Ahadi since their last import (each also a warning), which the summary counts apart: each asks for a decision.
 */
export type Saved = { outcome: Outcome; warnings: string[]; overwrites?: number };

export type RowResult = { rowNumber: number; label: string; outcome: Outcome | 'rejected' | 'skipped'; reason?: string; overwrites?: number };

export type ImportSummary = {
  dryRun: boolean;
  /** True only when the transaction committed: a real run without a single rejected row. */
  written: boolean;
  counts: Record<RowResult['outcome'], number>;
  /** One per row of the source, in its order. */
  results: RowResult[];
  warnings: { rowNumber: number; message: string }[];
  seconds: number;
};

export type ImportOptions = {
  dryRun: boolean;
  /** Most rows per set-based save (the first ones are smaller); a few hundred keeps statements few, memory small. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** When the import started (performance.now()), so that reading the file counts in the rate. */
  startedAt?: number;
};

class RollBack extends Error {}

/**
 * The one way every importer writes: checks every row, then saves all of them in batches inside ONE transaction,
 * which commits only on a real run where no row was rejected — all or nothing. A dry run does exactly the same work,
 * constraints included, then rolls back, so what it reports is what a real run would do. A batch the database
 * refuses is replayed row by row (each under a savepoint) to name the row at fault.
 *
 * `rows` is read as it is saved: while the database works on one batch, the next rows are read and checked (a lazy
 * source, such as the dataset importer's, is mapped then too), so the two processes share the work instead of
 * waiting for each other. The first batch is small so that the database starts early (decision 016, amended).
 */
export async function runImport<T>(db: Db, rows: SourceRows<T>, target: ImportTarget<T>, options: ImportOptions): Promise<ImportSummary> {
  const startedAt = options.startedAt ?? performance.now();
  const reader = new RowReader(rows, target);
  let written = false;
  try {
    await db.transaction().execute(async (trx) => {
      await saveInBatches(trx, reader, target, options);
      if (options.dryRun || reader.results.some((r) => r.outcome === 'rejected')) throw new RollBack();
    });
    written = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  const { results } = reader;
  // In row order, whichever came first: a row's own warnings are read while an earlier batch may still be saving.
  const warnings = reader.warnings.sort((a, b) => a.rowNumber - b.rowNumber);
  return { dryRun: options.dryRun, written, counts: countOutcomes(results), results, warnings, seconds: (performance.now() - startedAt) / 1000 };
}

type Pending<T> = { index: number; item: T };

/**
 * Reads source rows in order: each gets its result (rejected until saved, or skipped), and the rows still to save
 * come out in batches. A row is rejected here when the schema refuses a field or its key was already seen.
 */
class RowReader<T> {
  readonly results: RowResult[] = [];
  readonly warnings: ImportSummary['warnings'] = [];
  readonly total: number;
  private readonly rows: Iterator<SourceRow<T>>;
  private readonly firstRowOfKey = new Map<string, number>();
  private done = false;

  constructor(rows: SourceRows<T>, private readonly target: ImportTarget<T>) {
    this.total = rows.length;
    this.rows = rows[Symbol.iterator]();
  }

  /** Up to `size` rows to save; empty when the source is exhausted. Yields to the event loop every millisecond. */
  async nextBatch(size: number): Promise<Pending<T>[]> {
    const batch: Pending<T>[] = [];
    let sliceStart = performance.now();
    while (batch.length < size && !this.done) {
      const next = this.rows.next();
      if (next.done) {
        this.done = true;
      } else {
        const pending = this.read(next.value);
        if (pending) batch.push(pending);
      }
      if (performance.now() - sliceStart > 1) {
        // Let the statements of the batch being saved go on: each waits for its predecessor's answer.
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return batch;
  }

  private read(row: SourceRow<T>): Pending<T> | undefined {
    const index = this.results.length;
    this.results.push({
      rowNumber: row.rowNumber, label: row.label, outcome: row.skipped === undefined ? 'rejected' : 'skipped',
      ...(row.rejection === undefined ? {} : { reason: row.rejection }),
      ...(row.skipped === undefined ? {} : { reason: row.skipped }),
    });
    for (const message of row.warnings) this.warnings.push({ rowNumber: row.rowNumber, message });
    if (row.item === undefined) return undefined;
    const problem = this.target.check(row.item);
    if (problem !== undefined) {
      this.results[index]!.reason = problem;
      return undefined;
    }
    const key = this.target.keyOf(row.item);
    const first = this.firstRowOfKey.get(key);
    if (first !== undefined) {
      this.results[index]!.reason = `${key} is also on row ${first}`;
      return undefined;
    }
    this.firstRowOfKey.set(key, row.rowNumber);
    return { index, item: row.item };
  }
}

const WRITTEN: ReadonlySet<RowResult['outcome']> = new Set(['created', 'updated']);

// The first batch: enough rows for the database to work on while the next ones are read.
const FIRST_BATCH = 64;

async function saveInBatches<T>(trx: Trx, reader: RowReader<T>, target: ImportTarget<T>, options: ImportOptions): Promise<void> {
  const size = options.batchSize ?? 500;
  const analyze = analyzeAsTablesGrow(trx, target.tables);
  const { results, warnings } = reader;
  let written = 0;
  let batch = await reader.nextBatch(Math.min(FIRST_BATCH, size));
  options.onProgress?.(0, reader.total);
  while (batch.length > 0) {
    await analyze(written);
    const current = batch;
    const saving = (async () => {
      const attempt = await underSavepoint(trx, () => target.save(trx, current.map((p) => p.item)));
      if (attempt.ok) current.forEach((p, i) => record(p, attempt.value[i]!, results, warnings));
      else await saveOneByOne(trx, current, target, results, warnings);
    })();
    // Batches grow to `size`: few statements for a long file, an early start for every file.
    const [, next] = await Promise.all([saving, reader.nextBatch(Math.min(size, current.length * 2))]);
    written += current.filter((p) => WRITTEN.has(results[p.index]!.outcome)).length;
    batch = next;
    // Every row up to the last one saved is settled (saved, rejected or skipped); the rest when the source ends.
    options.onProgress?.(batch.length > 0 ? current.at(-1)!.index + 1 : reader.total, reader.total);
  }
}

async function saveOneByOne<T>(trx: Trx, batch: Pending<T>[], target: ImportTarget<T>, results: RowResult[], warnings: ImportSummary['warnings']) {
  for (const p of batch) {
    const saved = await underSavepoint(trx, () => target.save(trx, [p.item]));
    if (saved.ok) record(p, saved.value[0]!, results, warnings);
    else results[p.index]!.reason = saved.reason;
  }
}

function record<T>(p: Pending<T>, saved: Saved, results: RowResult[], warnings: ImportSummary['warnings']) {
  const result = results[p.index]!;
  result.outcome = saved.outcome;
  if (saved.overwrites) result.overwrites = saved.overwrites;
  warnings.push(...saved.warnings.map((message) => ({ rowNumber: result.rowNumber, message })));
}

/**
 * Statistics for tables that grow inside one long transaction. Autovacuum cannot see uncommitted rows, so without
 * this the planner keeps the estimates of the empty tables an import started with, and the statements of the
 * write triggers (search vectors, facets) turn to sequential scans: a 5,000-row import slowed from seconds to minutes.
 * ANALYZE inside the transaction sees its rows; it runs each time the rows written (created or updated) double from
 * 1,000. Unchanged rows write nothing, so a re-import of an unchanged file analyzes nothing: at 5,000 rows the three
 * ANALYZEs of the twelve tables were a third of its time (decision 016, amended).
 */
function analyzeAsTablesGrow(trx: Trx, tables: readonly string[]): (written: number) => Promise<void> {
  let next = 1000;
  return async (written) => {
    if (written < next || tables.length === 0) return;
    next *= 2;
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
  };
}

type Attempt<V> = { ok: true; value: V } | { ok: false; reason: string };

/** Runs `work`; if the database refuses it, undoes just that work and says why, keeping the transaction usable. */
async function underSavepoint<V>(trx: Trx, work: () => Promise<V>): Promise<Attempt<V>> {
  await sql`savepoint import_batch`.execute(trx);
  try {
    const value = await work();
    await sql`release savepoint import_batch`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to savepoint import_batch`.execute(trx);
    return { ok: false, reason: describeError(error) };
  }
}

/** PostgreSQL's message with its detail ("Key (code)=(KEN) already exists."), which names the value at fault. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = (error as Error & { detail?: string }).detail;
  return detail ? `${error.message} (${detail})` : error.message;
}

function countOutcomes(results: RowResult[]): ImportSummary['counts'] {
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

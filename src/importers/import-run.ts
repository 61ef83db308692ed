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

export interface ImportTarget<T> {
  /** Two rows with the same key are the same thing: the second is rejected. */
  keyOf(item: T): string;
  /** Checks one item (its zod schema); a message naming the field when it is wrong. */
  check(item: T): string | undefined;
  /** Saves a batch inside the import's transaction: one result per item, in order. */
  save(trx: Trx, items: T[]): Promise<{ outcome: Outcome; warnings: string[] }[]>;
  /** The tables `save` fills, analyzed as they grow during a long import (see analyzeAsTablesGrow). */
  tables: readonly (keyof Database & string)[];
}

export type RowResult = { rowNumber: number; label: string; outcome: Outcome | 'rejected' | 'skipped'; reason?: string };

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
  /** Rows per set-based save; a few hundred keeps statements few and memory small. */
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
 */
export async function runImport<T>(db: Db, rows: readonly SourceRow<T>[], target: ImportTarget<T>, options: ImportOptions): Promise<ImportSummary> {
  const startedAt = options.startedAt ?? performance.now();
  const results: RowResult[] = rows.map((row) => ({
    rowNumber: row.rowNumber, label: row.label, outcome: row.skipped === undefined ? 'rejected' : 'skipped',
    ...(row.rejection === undefined ? {} : { reason: row.rejection }),
    ...(row.skipped === undefined ? {} : { reason: row.skipped }),
  }));
  const warnings = rows.flatMap((row) => row.warnings.map((message) => ({ rowNumber: row.rowNumber, message })));
  const pending = checkRows(rows, target, results);
  let written = false;
  try {
    await db.transaction().execute(async (trx) => {
      await saveInBatches(trx, pending, target, results, warnings, options);
      if (options.dryRun || results.some((r) => r.outcome === 'rejected')) throw new RollBack();
    });
    written = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { dryRun: options.dryRun, written, counts: countOutcomes(results), results, warnings, seconds: (performance.now() - startedAt) / 1000 };
}

type Pending<T> = { index: number; item: T };

/** Rows still to save; the others get their rejection (a field the schema refuses, a key already seen). */
function checkRows<T>(rows: readonly SourceRow<T>[], target: ImportTarget<T>, results: RowResult[]): Pending<T>[] {
  const firstRowOfKey = new Map<string, number>();
  const pending: Pending<T>[] = [];
  rows.forEach((row, index) => {
    if (row.item === undefined) return;
    const problem = target.check(row.item);
    if (problem !== undefined) {
      results[index]!.reason = problem;
      return;
    }
    const key = target.keyOf(row.item);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      results[index]!.reason = `${key} is also on row ${first}`;
      return;
    }
    firstRowOfKey.set(key, row.rowNumber);
    pending.push({ index, item: row.item });
  });
  return pending;
}

async function saveInBatches<T>(trx: Trx, pending: Pending<T>[], target: ImportTarget<T>, results: RowResult[],
  warnings: ImportSummary['warnings'], options: ImportOptions): Promise<void> {
  const size = options.batchSize ?? 500;
  const analyze = analyzeAsTablesGrow(trx, target.tables);
  options.onProgress?.(0, pending.length);
  for (let start = 0; start < pending.length; start += size) {
    await analyze(start);
    const batch = pending.slice(start, start + size);
    const saved = await underSavepoint(trx, () => target.save(trx, batch.map((p) => p.item)));
    if (saved.ok) {
      batch.forEach((p, i) => record(p, saved.value[i]!, results, warnings));
    } else {
      await saveOneByOne(trx, batch, target, results, warnings);
    }
    options.onProgress?.(Math.min(start + size, pending.length), pending.length);
  }
}

async function saveOneByOne<T>(trx: Trx, batch: Pending<T>[], target: ImportTarget<T>, results: RowResult[], warnings: ImportSummary['warnings']) {
  for (const p of batch) {
    const saved = await underSavepoint(trx, () => target.save(trx, [p.item]));
    if (saved.ok) record(p, saved.value[0]!, results, warnings);
    else results[p.index]!.reason = saved.reason;
  }
}

function record<T>(p: Pending<T>, saved: { outcome: Outcome; warnings: string[] }, results: RowResult[], warnings: ImportSummary['warnings']) {
  const result = results[p.index]!;
  result.outcome = saved.outcome;
  warnings.push(...saved.warnings.map((message) => ({ rowNumber: result.rowNumber, message })));
}

/**
 * Statistics for tables that grow inside one long transaction. Autovacuum cannot see uncommitted rows, so without
 * this the planner keeps the estimates of the empty tables an import started with, and the statements of the
 * write triggers (search vectors, facets) turn to sequential scans: a 5,000-row import slowed from seconds to minutes.
 * ANALYZE inside the transaction sees its rows; it runs each time the rows saved double from 1,000.
 */
function analyzeAsTablesGrow(trx: Trx, tables: readonly string[]): (saved: number) => Promise<void> {
  let next = 1000;
  return async (saved) => {
    if (saved < next || tables.length === 0) return;
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

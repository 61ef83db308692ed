import { createHash } from 'node:crypto';
import type { CommitmentRecord } from './commitment-record.ts';

/**
 * Bump when the saver starts storing something it did not store before: every stored hash then differs from a fresh
 * one, so the next import rewrites each commitment once instead of calling it "unchanged" with the new part missing.
 */
const SAVER_VERSION = 1;

// A validated record is never changed afterwards, so its hash is computed once: an import computes it when it checks
// the record (while the database saves the previous batch), the saver finds it here.
const hashes = new WeakMap<CommitmentRecord, string>();

/**
 * SHA-256 of a validated record with its keys in a fixed order, so the same content always gives the same hash
 * whatever order a source listed its languages or fields in. Stored on the commitment row to detect "unchanged".
 */
export function recordHash(record: CommitmentRecord): string {
  let hash = hashes.get(record);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify({ saverVersion: SAVER_VERSION, record }, sortedKeys)).digest('hex');
    hashes.set(record, hash);
  }
  return hash;
}

/** JSON.stringify replacer: objects with their keys sorted (arrays keep their order, which means something). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.every((k, i) => i === 0 || keys[i - 1]! < k)) return value;
  const sorted: Record<string, unknown> = {};
  for (const k of keys.sort()) sorted[k] = (value as Record<string, unknown>)[k];
  return sorted;
}

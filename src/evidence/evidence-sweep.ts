import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connect.ts';
import { tmpFolder } from './evidence-store.ts';

/**
 * Removes what the evidence store holds for nothing (decision 014): files no `evidence_files` row points to (moved
 * into the store by a command whose transaction then failed) and temporary files left by a process that stopped
 * during an upload (a refused form's files are deleted by its request). Only files older than `olderThanMs` go, so
 * an upload whose command has not committed yet is safe: an upload is recorded within its request, and the daily job
 * passes a day. Files the store did not write are left.
 */
export type SweepResult = { deletedFiles: number; deletedTmpFiles: number };

const SHARD = /^[0-9a-f]{2}$/;
const STORED = /^[0-9a-f]{64}$/;

export async function sweepOrphanEvidence(db: Db, evidenceDir: string, olderThanMs: number): Promise<SweepResult> {
  const cutoff = Date.now() - olderThanMs;
  const result: SweepResult = { deletedFiles: 0, deletedTmpFiles: 0 };
  for (const name of await namesIn(tmpFolder(evidenceDir))) {
    if (await removeIfOlder(path.join(tmpFolder(evidenceDir), name), cutoff)) result.deletedTmpFiles += 1;
  }
  for (const shard of (await namesIn(evidenceDir)).filter((n) => SHARD.test(n))) {
    const candidates = (await namesIn(path.join(evidenceDir, shard))).filter((n) => STORED.test(n) && n.startsWith(shard));
    if (candidates.length === 0) continue;
    const recorded = new Set((await db.selectFrom('evidence_files').select('sha256').where('sha256', 'in', candidates).execute())
      .map((r) => r.sha256));
    for (const sha256 of candidates.filter((c) => !recorded.has(c))) {
      if (await removeIfOlder(path.join(evidenceDir, shard, sha256), cutoff)) result.deletedFiles += 1;
    }
  }
  return result;
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function removeIfOlder(file: string, cutoff: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.mtimeMs >= cutoff) return false;
  await rm(file, { force: true });
  return true;
}

import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { storeEvidenceFile } from '../../test/helpers/evidence-data.ts';
import { storedPath, tmpFolder } from './evidence-store.ts';
import { sweepOrphanEvidence } from './evidence-sweep.ts';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'ahadi-sweep-'));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

const HOUR = 3600_000;
const twoDaysAgo = new Date(Date.now() - 48 * HOUR);

async function put(file: string, content: string, old: boolean): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  if (old) await utimes(file, twoDaysAgo, twoDaysAgo);
}

async function allFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('sweepOrphanEvidence', () => {
  it('removes old unrecorded files and old temporary files, and nothing else', async () => {
    const recorded = await storeEvidenceFile(database.db, dir, 'recorded evidence\n', 'text/plain');
    await utimes(storedPath(dir, recorded), twoDaysAgo, twoDaysAgo);
    const orphanOld = 'a'.repeat(64);
    const orphanNew = 'b'.repeat(64);
    await put(storedPath(dir, orphanOld), 'refused form', true);
    await put(storedPath(dir, orphanNew), 'form being saved right now', false);
    await put(path.join(tmpFolder(dir), 'interrupted'), 'half an upload', true);
    await put(path.join(tmpFolder(dir), 'uploading'), 'an upload under way', false);
    await put(path.join(dir, 'README'), 'not ours', true);
    await put(path.join(dir, 'cc', 'notes.txt'), 'not ours either', true);

    expect(await sweepOrphanEvidence(database.db, dir, 24 * HOUR)).toEqual({ deletedFiles: 1, deletedTmpFiles: 1 });
    expect(await allFiles()).toEqual([
      'README', path.join(orphanNew.slice(0, 2), orphanNew), path.join(recorded.slice(0, 2), recorded),
      path.join('cc', 'notes.txt'), path.join('tmp', 'uploading'),
    ].sort());
    expect(await sweepOrphanEvidence(database.db, dir, 24 * HOUR)).toEqual({ deletedFiles: 0, deletedTmpFiles: 0 });
  });

  it('does nothing on a store that does not exist yet', async () => {
    expect(await sweepOrphanEvidence(database.db, path.join(dir, 'never-created'), HOUR)).toEqual({ deletedFiles: 0, deletedTmpFiles: 0 });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { adminQuery, databaseUrl } from '../setup/template-database.ts';
import { createDb, type Db } from '../../src/db/connect.ts';
import { listMigrations, migrate, type Migration } from '../../src/db/migrate.ts';
import { importOgpDataset } from '../../src/importers/ogp-dataset/import-ogp-dataset.ts';
import { copyImportedData } from './copy-imported-data.ts';
import { OGP_DATASET_FILE } from './ogp-dataset.ts';

export type DatabaseBeforeMigration = {
  db: Db;
  /**
   * Applies the migrations from `version` on, as an upgrade does: the ones it applied. With `through`, only those up
   * to that version: a test of what one migration changes is not a test of the later ones.
   */
  migrateRest(through?: number): Promise<Migration[]>;
  /** OGP's extract as today's importer saves it, in this database's schema (`copyImportedData`). */
  importOgpDataset(): Promise<void>;
};

/**
 * For a file of migration tests: a new database migrated up to the migration before `version`, made before the
 * file's tests and dropped after them. Its fields are set once the tests run.
 */
export function databaseBeforeMigration(version: number): DatabaseBeforeMigration {
  const adminUrl = inject('databaseAdminUrl');
  const name = `ahadi_test_${randomBytes(6).toString('hex')}`;
  const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-migrations-'));
  const copyUpTo = (last: number) => {
    for (const m of listMigrations().filter((m) => m.version <= last)) fs.copyFileSync(m.file, path.join(earlier, path.basename(m.file)));
  };
  const database = {
    migrateRest: async (through?: number) => {
      if (through === undefined) return migrate(database.db);
      copyUpTo(through);
      return migrate(database.db, earlier);
    },
    importOgpDataset: async () => {
      const source = `${name}_import`;
      await adminQuery(adminUrl, `create database ${source}`);
      const imported = createDb(databaseUrl(adminUrl, source), 2);
      try {
        await migrate(imported);
        await importOgpDataset(imported, OGP_DATASET_FILE, { dryRun: false });
        await copyImportedData(imported, database.db);
      } finally {
        await imported.destroy();
        await adminQuery(adminUrl, `drop database if exists ${source} with (force)`);
      }
    },
  } as DatabaseBeforeMigration;
  beforeAll(async () => {
    copyUpTo(version - 1);
    await adminQuery(adminUrl, `create database ${name}`);
    database.db = createDb(databaseUrl(adminUrl, name), 2);
    await migrate(database.db, earlier);
  });
  afterAll(async () => {
    await database.db?.destroy();
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    fs.rmSync(earlier, { recursive: true, force: true });
  });
  return database;
}

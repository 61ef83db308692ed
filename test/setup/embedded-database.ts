import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createTemplate } from './template-database.ts';

/** One embedded server for the whole run, in a throwaway data folder. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahadi-test-'));
  // mkdtemp makes a mode-700 folder; as root the server runs as `postgres`, which must reach the cluster inside.
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir);
  const template = await createTemplate(server.adminUrl);
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('templateDatabase', template.name);
  return async () => {
    await template.drop();
    await server.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

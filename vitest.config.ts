import { defineConfig } from 'vitest/config';

/**
 * The whole suite runs once on the embedded PostgreSQL (18, shipped by npm) and, when TEST_DATABASE_URL names a
 * server, once more on it (CI points it at Debian's PostgreSQL 15), so both ends of the supported range are tested.
 */
const engines = [{ name: 'embedded', setup: 'test/setup/embedded-database.ts', exclude: [] as string[] }];
if (process.env.TEST_DATABASE_URL) {
  // Queries are exercised on this engine through the data-layer and HTTP tests; the browser tests and the embedded
  // server's own lifecycle tests say nothing more about it and would only double the run.
  engines.push({
    name: 'external',
    setup: 'test/setup/external-database.ts',
    // The command-line tests check arguments and the process around the importers, whose queries the importer tests
    // already run here; the usage tests never reach a database.
    exclude: ['**/*.browser.test.ts', 'src/db/embedded-postgres.test.ts', 'src/cli/cli.test.ts', 'src/cli/import-commands.test.ts',
      'src/cli/cli-usage.test.ts', 'src/cli/serve.test.ts'],
  });
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most of a test's time is spent waiting on PostgreSQL, Chromium or a child process, not on this one: three files
    // at a time keep a 2-core CI machine busy (vitest's default there is one).
    maxWorkers: 3,
    projects: engines.map((engine) => ({
      extends: true,
      test: { name: engine.name, globalSetup: [engine.setup], exclude: ['**/node_modules/**', ...engine.exclude] },
    })),
  },
});

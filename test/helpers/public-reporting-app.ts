import { loadDemo } from '../../src/demo/load-demo.ts';
import { saveApiTestCommitments } from './api-data.ts';
import { createTestApp, type TestApp } from './app.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startLiveApp } from './live-app.ts';
import { savePublicReportingFixture, type PublicReportingFixture } from './public-reporting-data.ts';

/** The test beds of the public reporting views: the demo data set plus the rounds of public-reporting-data.ts. */
export type WithFixture<T> = T & { fixture: PublicReportingFixture };

export async function createPublicReportingDatabase(): Promise<WithFixture<TestDatabase>> {
  const database = await createTestDatabase();
  await loadDemo(database.db);
  return { ...database, fixture: await savePublicReportingFixture(database.db) };
}

/** `apiCommitments` adds the API tests' commitments first, for pages that link to or list them. */
export async function createPublicReportingApp(options: { apiCommitments?: boolean } = {}): Promise<WithFixture<TestApp>> {
  const t = await createTestApp();
  if (options.apiCommitments) await saveApiTestCommitments(t.database.db);
  return { ...t, fixture: await savePublicReportingFixture(t.database.db) };
}

export async function startPublicReportingLiveApp(): Promise<WithFixture<Awaited<ReturnType<typeof startLiveApp>>>> {
  const live = await startLiveApp();
  return { ...live, fixture: await savePublicReportingFixture(live.database.db) };
}

import { createTestApp, type TestApp } from './app.ts';

/** The portal listening on a free loopback port, for a real browser. */
export async function startLiveApp(): Promise<TestApp & { baseUrl: string }> {
  const t = await createTestApp();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, baseUrl: address };
}

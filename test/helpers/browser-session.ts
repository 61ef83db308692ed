import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startLiveApp } from './live-app.ts';

export type BrowserSession<L> = { live: L; browser: Browser };

/**
 * For a file of browser tests: the portal listening on a port (`start`, a live app with the demo data by default)
 * and Debian's Chromium, started together before the file's tests and closed after them. Its fields are set once
 * the tests run, so read them inside tests, not when the file loads.
 */
export function inBrowser(): BrowserSession<Awaited<ReturnType<typeof startLiveApp>>>;
export function inBrowser<L extends { close(): Promise<void> }>(start: () => Promise<L>): BrowserSession<L>;
export function inBrowser(start: () => Promise<{ close(): Promise<void> }> = startLiveApp): BrowserSession<{ close(): Promise<void> }> {
  const session = {} as BrowserSession<{ close(): Promise<void> }>;
  beforeAll(async () => { [session.live, session.browser] = await Promise.all([start(), launchBrowser()]); });
  afterAll(async () => { await session.browser?.close(); await session.live?.close(); });
  return session;
}

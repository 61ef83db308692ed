import { createRequire } from 'node:module';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A phone-sized page (360 px wide), as many of our readers see it. */
export async function newPhonePage(browser: Browser): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the pages themselves keep their strict policy.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  return context.newPage();
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) and fails with a readable list of any violation. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** The page is no wider than the phone's screen: nothing forces sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** What every page owes its readers: the page's language, one h1, no sideways scrolling on a phone, no axe violation. */
export async function checkPage(page: Page, locale: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  expect(await page.locator('h1').count()).toBe(1);
  await expectNoHorizontalScroll(page);
  await expectNoAccessibilityViolations(page);
}

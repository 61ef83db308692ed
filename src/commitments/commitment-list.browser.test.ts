import { describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('commitment list in a browser', () => {
  it('searches, filters by ticking a box, and keeps the filters across languages, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/`);
    await page.getByLabel('Search commitments').fill('guidance note');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('#results-heading').innerText()).toBe('1 commitment');
    expect(await page.locator('.snippet mark').count()).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);

    await page.goto(`${session.live.baseUrl}/en/commitments`);
    await page.getByLabel(/^Capacity Building/).check();
    await page.locator('.filters').getByRole('button', { name: 'Apply' }).click();
    expect(new URL(page.url()).searchParams.getAll('area')).toEqual(['capacity-building']);
    expect(await page.locator('.result-list li').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: 'français' }).click();
    expect(new URL(page.url()).searchParams.getAll('area')).toEqual(['capacity-building']);
    expect(await page.locator('#results-heading').innerText()).toBe('1 engagement');
    await expectNoAccessibilityViolations(page);
  });

  it('says a page past the end is so and leads to the last page, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/es/commitments?page=999`);
    expect(await page.locator('.results').innerText()).toMatch(/La página 999 está más allá del final/);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: /Ir a la última página/ }).click();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(await page.locator('.result-list li').count()).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('member page in a browser', () => {
  it('shows the plans with their IRM summaries in English, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/members/kenya`);
    const card = page.locator('.cards li').first();
    expect(await card.locator('h3').innerText()).toBe('Kenya Action Plan 2020–2022');
    expect(await card.locator('.irm-summary').innerText()).toMatch(/Assessed by the IRM\s+1 of 4\s+Completion\s+Limited: 1\s+Ambition\s+High: 0, Low: 1/);
    expect(await page.locator('link[type="application/atom+xml"]').getAttribute('href')).toBe('/en/members/kenya/feed.atom');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('shows the same in French, and its feed link answers with Atom', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/members/kenya`);
    expect(await page.locator('.irm-summary').innerText()).toMatch(/Évalués par l’IRM\s+1 sur 4\s+Achèvement\s+Limité : 1/);
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
    const feed = await page.request.get(`${session.live.baseUrl}${await page.getByRole('link', { name: /flux Atom/ }).getAttribute('href')}`);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  });
});

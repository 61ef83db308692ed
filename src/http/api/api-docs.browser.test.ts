import { describe, expect, it } from 'vitest';
import { startLiveApp } from '../../../test/helpers/live-app.ts';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../../test/helpers/browser.ts';
import { inBrowser } from '../../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('API docs page in a browser', () => {
  it('shows the operations in English, accessibly, and its examples answer JSON', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/api`);
    expect(await page.locator('h1').innerText()).toBe('Open data API');
    expect(await page.locator('section.api-operation').count()).toBeGreaterThanOrEqual(14);
    expect(await page.locator('#op-listCommitments ~ table th[scope="row"]').allInnerTexts()).toEqual(expect.arrayContaining(['cursor', 'limit', 'q']));
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
    await page.locator('#op-getMember ~ p a').click();
    expect(new URL(page.url()).pathname).toBe('/api/v1/members/kenya');
    expect(await page.locator('body').innerText()).toContain('"slug":"kenya"');
  });

  it('shows the page in French, accessibly, and the language switcher keeps it', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/api`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').innerText()).toBe('API de données ouvertes');
    expect(await page.locator('#op-listMembers').innerText()).toBe('Lister les membres');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/api');
  });
});

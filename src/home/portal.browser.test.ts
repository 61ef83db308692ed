import { describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { LOCALES } from '../i18n/locales.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

// Every page other than the commitment page (which has its own file), in every language.
const pages = ['/', '/members/kenya', '/members/kenya/action-plans/4', '/members/no-such-member'];

describe('portal pages in a browser', () => {
  for (const locale of LOCALES) {
    it(`are accessible and fit a phone in ${locale}`, async () => {
      const page = await newPhonePage(session.browser);
      for (const path of pages) {
        const response = await page.goto(`${session.live.baseUrl}/${locale}${path}`);
        expect(response?.status()).toBe(path.includes('no-such') ? 404 : 200);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await page.locator('h1').count()).toBe(1);
        await expectNoHorizontalScroll(page);
        await expectNoAccessibilityViolations(page);
      }
    });
  }

  it('walks from the home page to a commitment by links alone', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/`);
    await page.getByRole('link', { name: 'Kenya' }).click();
    await page.getByRole('link', { name: 'Kenya Action Plan 2020–2022' }).click();
    await page.getByRole('link', { name: 'Build institutional support for OGP' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0031');
  });
});

import { describe, expect, it } from 'vitest';
import { OPEN_DATA_TABLES } from './open-data-tables.ts';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('open-data page in a browser', () => {
  for (const [locale, heading, download] of [['en', 'Open data', 'Download the complete package (ZIP)'],
    ['fr', 'Données ouvertes', 'Télécharger le paquet complet (ZIP)']] as const) {
    it(`explains the package in ${locale}, accessibly, with every data dictionary open`, async () => {
      const page = await newPhonePage(session.browser);
      await page.goto(`${session.live.baseUrl}/${locale}/`);
      await page.locator(`footer a[href="/${locale}/open-data"]`).click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/open-data`);
      expect(await page.locator('h1').innerText()).toBe(heading);
      await expectNoHorizontalScroll(page);
      await expectNoAccessibilityViolations(page);
      // Open every data dictionary: the tables inside must be accessible too, and fit the phone.
      for (const summary of await page.locator('summary').all()) await summary.click();
      // One per table, and the columns of the list downloads.
      expect(await page.locator('details[open] table').count()).toBe(OPEN_DATA_TABLES.length + 1);
      await expectNoHorizontalScroll(page);
      await expectNoAccessibilityViolations(page);
      const response = await page.request.get(`${session.live.baseUrl}${await page.getByRole('link', { name: download }).getAttribute('href')}`);
      expect(response.headers()['content-type']).toBe('application/zip');
      expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    });
  }
});

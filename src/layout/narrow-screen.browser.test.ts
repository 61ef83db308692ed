import { describe, it } from 'vitest';
import { expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { LOCALES } from '../i18n/locales.ts';

const session = inBrowser();

// The longest labels are not English: French and Spanish sort options once widened the list past a 360 px screen.
describe('the list on a phone in every language', () => {
  it.each(LOCALES)('%s: the list and a search fit the screen', async (locale) => {
    const page = await newPhonePage(session.browser);
    for (const path of ['/commitments', '/commitments?q=institutional+support', '/commitments?member=kenya&all=area']) {
      await page.goto(`${session.live.baseUrl}/${locale}${path}`);
      await expectNoHorizontalScroll(page);
    }
    await page.close();
  });
});

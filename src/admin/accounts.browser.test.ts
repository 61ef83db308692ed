import { describe, expect, it } from 'vitest';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { createAccount, totpCode } from '../accounts/account.factories.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('the accounts page of the administration in a browser', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`lists accounts and resets a lost second factor with a reason, accessibly, in ${locale}`, async () => {
      const admin = await createAccount(session.live.database.db, { role: 'administrator', name: `Asha Admin ${locale}` });
      const lost = await createAccount(session.live.database.db, { role: 'point_of_contact', name: `Lost Phone ${locale}`, totp: true });
      const page = await newPhonePage(session.browser);
      await page.goto(`${session.live.baseUrl}/${locale}/sign-in`);
      await page.locator('#field-email').fill(admin.email);
      await page.locator('#field-password').fill(admin.password);
      await page.locator('main button[type=submit]').click();
      await page.locator('#field-code').fill(totpCode(admin.totpSecret!));
      await page.locator('main button[type=submit]').click();

      await page.locator(`a[href="/${locale}/admin/accounts"]`).click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/admin/accounts`);
      await checkPage(page, locale);
      await page.locator(`a[href="/${locale}/admin/accounts/${lost.id}/second-factor"]`).click();
      await checkPage(page, locale);
      await page.locator('main button[type=submit]').click();
      expect(await page.locator('#field-reason').getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, locale);
      await page.locator('#field-reason').fill('Phone lost, confirmed by telephone');
      await page.locator('main button[type=submit]').click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/admin/accounts`);
      expect(await page.getByRole('status').count()).toBe(1);
      expect(await page.locator(`a[href="/${locale}/admin/accounts/${lost.id}/second-factor"]`).count()).toBe(0);
      await checkPage(page, locale);
    }, 120_000); // several pages, each scanned by axe-core: longer than the default 30 s on a busy machine
  }
});

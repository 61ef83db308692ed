import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { createAccount, totpCode, type TestAccount } from './account.factories.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

const pathOf = (page: Page) => new URL(page.url()).pathname;
// A walk through many pages, each scanned by axe-core: longer than the default 30 s on a busy machine.
const BROWSER_WALK_TIMEOUT = 120_000;

async function signIn(page: Page, account: TestAccount, locale: string, code: string): Promise<void> {
  await page.goto(`${session.live.baseUrl}/${locale}/sign-in`);
  await page.locator('#field-email').fill(account.email);
  await page.locator('#field-password').fill(account.password);
  await page.locator('main button[type=submit]').click();
  await page.locator('#field-code').fill(code);
  await page.locator('main button[type=submit]').click();
}

describe('account security pages in a browser', () => {
  it('draws the QR code of the TOTP set-up under the page’s own CSP, with nothing refused', async () => {
    const account = await createAccount(session.live.database.db, { role: 'irm_researcher' });
    // A context that keeps the CSP (newPhonePage bypasses it to inject axe-core).
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) refused.push(message.text()); });
    await page.goto(`${session.live.baseUrl}/en/sign-in`);
    await page.locator('#field-email').fill(account.email);
    await page.locator('#field-password').fill(account.password);
    await page.locator('main button[type=submit]').click();
    await page.goto(`${session.live.baseUrl}/en/account/two-factor`);
    const qr = page.getByRole('img', { name: 'QR code of the address below, to scan with your authenticator app' });
    expect(await qr.boundingBox()).toMatchObject({ width: 240, height: 240 });
    // Black modules on white: the colours come through as SVG attributes.
    expect(await qr.locator('path').getAttribute('fill')).toBe('black');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('svg.qr-code path')!).fill)).toBe('rgb(0, 0, 0)');
    expect(refused).toEqual([]);
    await context.close();
  });

  for (const locale of ['en', 'sw'] as const) {
    it(`makes recovery codes, signs in with one, and changes the password, accessibly, in ${locale}`, async () => {
      const account = await createAccount(session.live.database.db, { role: 'civil_society_reviewer', totp: true });
      const page = await newPhonePage(session.browser);
      await signIn(page, account, locale, totpCode(account.totpSecret!));
      expect(pathOf(page)).toBe(`/${locale}/account`);

      // A wrong code first: the error is on the new-codes form.
      await page.locator('#field-confirmCode').fill('000000' === totpCode(account.totpSecret!, 1) ? '111111' : '000000');
      await page.locator('form[action$="/recovery-codes"] button').click();
      expect(await page.locator('#field-confirmCode').getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, locale);
      // The code of the next 30-second step: each step is accepted once.
      await page.locator('#field-confirmCode').fill(totpCode(account.totpSecret!, 1));
      await page.locator('form[action$="/recovery-codes"] button').click();
      const codes = await page.locator('ol.recovery-codes code').allInnerTexts();
      expect(codes).toHaveLength(10);
      await checkPage(page, locale);

      // Another browser signs in with a recovery code instead of the app.
      const phoneLost = await newPhonePage(session.browser);
      await signIn(phoneLost, account, locale, codes[0]!);
      expect(pathOf(phoneLost)).toBe(`/${locale}/account`);
      expect(await phoneLost.getByRole('status').count()).toBe(1);
      expect(await phoneLost.locator('main').innerText()).toMatch(locale === 'en' ? /You have 9 recovery codes left/ : /misimbo 9 ya dharura/);
      await checkPage(phoneLost, locale);

      await phoneLost.locator(`a[href="/${locale}/account/password"]`).click();
      expect(pathOf(phoneLost)).toBe(`/${locale}/account/password`);
      await checkPage(phoneLost, locale);
      await phoneLost.locator('#field-currentPassword').fill('not the password');
      await phoneLost.locator('#field-password').fill('a new long passphrase');
      await phoneLost.locator('#field-passwordConfirmation').fill('a different passphrase');
      await phoneLost.locator('main button[type=submit]').click();
      expect(await phoneLost.locator('.error-summary li').count()).toBe(1);
      await checkPage(phoneLost, locale);
      await phoneLost.locator('#field-currentPassword').fill('not the password');
      await phoneLost.locator('#field-password').fill('a new long passphrase');
      await phoneLost.locator('#field-passwordConfirmation').fill('a new long passphrase');
      await phoneLost.locator('main button[type=submit]').click();
      expect(await phoneLost.locator('#field-currentPassword').getAttribute('aria-invalid')).toBe('true');
      await checkPage(phoneLost, locale);
      await phoneLost.locator('#field-currentPassword').fill(account.password);
      await phoneLost.locator('#field-password').fill('a new long passphrase');
      await phoneLost.locator('#field-passwordConfirmation').fill('a new long passphrase');
      await phoneLost.locator('main button[type=submit]').click();
      expect(pathOf(phoneLost)).toBe(`/${locale}/account`);
      expect(await phoneLost.getByRole('status').count()).toBe(1);
      await checkPage(phoneLost, locale);

      // The first browser was signed out by the change.
      await page.goto(`${session.live.baseUrl}/${locale}/account`);
      expect(pathOf(page)).toBe(`/${locale}/sign-in`);
    }, BROWSER_WALK_TIMEOUT);
  }
});

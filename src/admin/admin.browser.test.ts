import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { createAccount, totpCode, type TestAccount } from '../accounts/account.factories.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

async function signIn(page: Page, account: TestAccount, locale: string, step: number): Promise<void> {
  await page.goto(`${session.live.baseUrl}/${locale}/sign-in`);
  await page.locator('#field-email').fill(account.email);
  await page.locator('#field-password').fill(account.password);
  await page.locator('main button[type=submit]').click();
  await page.locator('#field-code').fill(totpCode(account.totpSecret!, step));
  await page.locator('main button[type=submit]').click();
  expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);
}

describe('administration pages in a browser', () => {
  // Each sign-in of the same administrator takes the code of a later 30-second step.
  let admin: TestAccount;
  beforeAll(async () => { admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Asha Admin' }); });

  const steps = { en: 0, fr: 1 } as const;
  for (const locale of ['en', 'fr'] as const) {
    it(`invitations with errors, hand-over with its history, and the outbox are accessible in ${locale}`, async () => {
      const page = await newPhonePage(session.browser);
      await signIn(page, admin, locale, steps[locale]);

      await page.goto(`${session.live.baseUrl}/${locale}/admin/invitations`);
      await checkPage(page, locale);
      await page.locator('#field-email').fill(`someone-${locale}@example`);
      await page.locator('#field-role').selectOption('point_of_contact');
      await page.locator('form.stack-form button[type=submit]').click();
      expect(await page.locator('.error-summary li').count()).toBe(3);
      expect(await page.locator('#field-email').inputValue()).toBe(`someone-${locale}@example`);
      expect(await page.locator('#field-role').inputValue()).toBe('point_of_contact');
      await checkPage(page, locale);

      const pocPage = `${session.live.baseUrl}/${locale}/admin/institutions/ministry-of-foreign-affairs/point-of-contact?member=kenya`;
      await page.goto(pocPage);
      await checkPage(page, locale);
      await page.locator('#field-email').fill(`new-poc-${locale}@example.org`);
      await page.locator('#field-name').fill(`New PoC ${locale}`);
      await page.locator('#field-reason').fill('The former point of contact retired');
      await page.locator('form.stack-form button[type=submit]').click();
      await expect(page.getByRole('status').innerText()).resolves.toMatch(/point of contact has changed|point de contact a changé/i);
      expect(await page.locator('.history').innerText()).toContain('The former point of contact retired');
      await checkPage(page, locale);

      await page.goto(`${session.live.baseUrl}/${locale}/admin/outbox`);
      expect(await page.locator('.mail-body').count()).toBeGreaterThan(0);
      await checkPage(page, locale);
    });
  }

  it('shows a point of contact the 403 page for the administration, accessibly', async () => {
    const poc = await createAccount(session.live.database.db, { role: 'point_of_contact' });
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/sign-in`);
    await page.locator('#field-email').fill(poc.email);
    await page.locator('#field-password').fill(poc.password);
    await page.locator('main button[type=submit]').click();
    const res = await page.goto(`${session.live.baseUrl}/fr/admin/invitations`);
    expect(res?.status()).toBe(403);
    await checkPage(page, 'fr');
  });
});

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { totpCode, type TestAccount } from '../../src/accounts/account.factories.ts';

/** Signs `account` in through the sign-in page (and its TOTP step when it has one), as a person would. */
export async function signInPage(page: Page, baseUrl: string, account: TestAccount, locale: string): Promise<void> {
  await page.goto(`${baseUrl}/${locale}/sign-in`);
  await page.locator('#field-email').fill(account.email);
  await page.locator('#field-password').fill(account.password);
  await page.locator('main button[type=submit]').click();
  if (account.totpSecret) {
    await page.locator('#field-code').fill(totpCode(account.totpSecret));
    await page.locator('main button[type=submit]').click();
  }
  expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);
}

import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { createAccount, totpCode } from './account.factories.ts';
import { requestPasswordReset } from './password-reset.ts';
import { createMailer } from '../mail/mailer.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

const pathOf = (link: string) => new URL(link).pathname;
// A walk through many pages, each scanned by axe-core: longer than the default 30 s on a busy machine.
const BROWSER_WALK_TIMEOUT = 120_000;

describe('accounts in a browser', () => {
  it('walks it all: an administrator signs in, sets up TOTP, invites a point of contact, who joins and signs in', async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', totp: false, name: 'Amina Secretariat' });
    const page = await newPhonePage(session.browser);

    await page.goto(`${session.live.baseUrl}/en/sign-in`);
    await checkPage(page, 'en');
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    expect(new URL(page.url()).pathname).toBe('/en/account/two-factor');
    await checkPage(page, 'en');
    // The QR code is drawn and named (account-security.browser.test.ts checks it under the page's CSP).
    expect((await page.getByRole('img', { name: /^QR code of the address below/ }).boundingBox())?.width).toBe(240);
    const secret = (await page.locator('code.secret').first().innerText()).replace(/\s+/g, '');
    await page.getByLabel('Code', { exact: true }).fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

    await expect(page.getByRole('status').innerText()).resolves.toBe('Two-step sign-in is on.');
    expect(await page.locator('ol.recovery-codes code').allInnerTexts()).toHaveLength(10);
    await checkPage(page, 'en');
    await page.getByRole('link', { name: 'I have saved my codes' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/account');
    expect(await page.locator('main').innerText()).toContain('You have 10 recovery codes left.');
    expect(await page.locator('.account-bar').innerText()).toContain('Amina Secretariat');
    await checkPage(page, 'en');
    await page.getByRole('link', { name: 'Invitations and people' }).click();

    await checkPage(page, 'en');
    await page.getByLabel('E-mail address', { exact: true }).fill('wanjiru@example.org');
    await page.getByLabel('Name', { exact: true }).fill('Wanjiru Kamau');
    await page.getByLabel('Role', { exact: true }).selectOption('point_of_contact');
    await page.getByLabel('Institution', { exact: true }).selectOption({ label: 'Office of the Deputy President' });
    await page.getByLabel('Language of the e-mail').selectOption('fr');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe('The invitation has been sent.');
    await checkPage(page, 'en');

    await page.goto(`${session.live.baseUrl}/en/admin/outbox`);
    await checkPage(page, 'en');
    const mail = await page.locator('.mail-body').first().innerText();
    const link = /https?:\/\/\S+/.exec(mail)![0];

    const poc = await newPhonePage(session.browser);
    await poc.goto(`${session.live.baseUrl}${pathOf(link)}`);
    await checkPage(poc, 'fr');
    expect(await poc.getByLabel('Nom').inputValue()).toBe('Wanjiru Kamau');
    await poc.getByLabel('Nouveau mot de passe', { exact: true }).fill('ma phrase de passe 2026');
    await poc.getByLabel('Nouveau mot de passe (confirmation)').fill('ma phrase de passe 2026');
    await poc.getByRole('button', { name: 'Créer mon compte' }).click();

    expect(new URL(poc.url()).pathname).toBe('/fr/sign-in');
    await expect(poc.getByRole('status').innerText()).resolves.toContain('Votre compte est prêt.');
    await checkPage(poc, 'fr');
    await poc.getByLabel('Adresse e-mail').fill('wanjiru@example.org');
    await poc.getByLabel('Mot de passe').fill('ma phrase de passe 2026');
    await poc.getByRole('button', { name: 'Se connecter' }).click();

    expect(new URL(poc.url()).pathname).toBe('/fr/account');
    expect(await poc.locator('main').innerText()).toContain('Point de contact, Office of the Deputy President');
    await checkPage(poc, 'fr');
    await poc.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    expect(new URL(poc.url()).pathname).toBe('/fr/');
    expect(await poc.locator('.account-bar').count()).toBe(0);
  }, BROWSER_WALK_TIMEOUT);

  for (const locale of ['en', 'fr'] as const) {
    it(`shows sign-in errors, the second step, the account and the password pages accessibly in ${locale}`, async () => {
      const t = { en: { email: 'E-mail address', password: 'Password', signIn: 'Sign in' }, fr: { email: 'Adresse e-mail', password: 'Mot de passe', signIn: 'Se connecter' } }[locale];
      const account = await createAccount(session.live.database.db, { role: 'civil_society_reviewer', totp: true });
      const page = await newPhonePage(session.browser);

      await page.goto(`${session.live.baseUrl}/${locale}/sign-in`);
      await page.getByLabel(t.email).fill('not an address');
      await page.getByRole('button', { name: t.signIn }).click();
      expect(await page.title()).toMatch(/^(Error|Erreur)/);
      expect(await page.getByLabel(t.email).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel(t.email).inputValue()).toBe('not an address');
      await checkPage(page, locale);
      // The summary's link takes the keyboard to the field.
      await page.locator('.error-summary a').first().click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');

      await page.getByLabel(t.email).fill(account.email);
      await page.getByLabel(t.password).fill(account.password);
      await page.getByRole('button', { name: t.signIn }).click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in/two-factor`);
      await checkPage(page, locale);
      await page.getByLabel('Code').fill(totpCode(account.totpSecret!));
      await page.locator('main button[type=submit]').click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);
      await checkPage(page, locale);

      const anonymous = await newPhonePage(session.browser);
      await anonymous.goto(`${session.live.baseUrl}/${locale}/password-reset`);
      await checkPage(anonymous, locale);
      await anonymous.getByLabel(t.email).fill(account.email);
      await anonymous.locator('main button[type=submit]').click();
      await checkPage(anonymous, locale);

      await session.live.database.db.transaction().execute((trx) => requestPasswordReset(trx, createMailer({ smtpUrl: undefined, mailFrom: 'x' }), 'http://x', locale, account.email));
      const mail = await session.live.database.db.selectFrom('outbox').select('body_text').where('to_address', '=', account.email).orderBy('id', 'desc').executeTakeFirstOrThrow();
      const link = pathOf(/https?:\/\/\S+/.exec(mail.body_text)![0]);
      await anonymous.goto(`${session.live.baseUrl}${link}`);
      await checkPage(anonymous, locale);
      await anonymous.locator('main button[type=submit]').click();
      expect(await anonymous.locator('.field-error').count()).toBe(2);
      await checkPage(anonymous, locale);
      await anonymous.goto(`${session.live.baseUrl}/${locale}/password-reset/no-such-link`);
      await checkPage(anonymous, locale);
      await anonymous.goto(`${session.live.baseUrl}/${locale}/invitations/no-such-link`);
      await checkPage(anonymous, locale);
    });
  }
});

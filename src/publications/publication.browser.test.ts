import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { demoPublications } from '../demo/demo-publications.ts';

const session = inBrowser();
const [NOTE, STORY] = demoPublications.map((p) => p.slug) as [string, string];

describe('guidance and stories in a browser', () => {
  it('an administrator writes a story, is told what to fix, publishes it; each page is accessible', async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Amani Admin' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, admin, 'en');

    await page.goto(`${session.live.baseUrl}/en/admin/publications`);
    await checkPage(page, 'en');
    await page.getByRole('link', { name: 'New guidance note or story' }).click();
    await checkPage(page, 'en');
    await page.locator('#field-kind').selectOption('story');
    await page.locator('#field-title_fr').fill('Des comptes rendus qui restent');
    await page.locator('#field-commitments').fill('KE0031');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.title()).toBe('Error: New guidance note or story · Ahadi');
    await checkPage(page, 'en');
    await page.getByRole('link', { name: /Text in French: write the text/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-body_fr');
    expect(await page.locator('#field-title_fr').inputValue()).toBe('Des comptes rendus qui restent');
    await page.locator('#field-body_fr').fill('Chaque réunion se termine par un compte rendu daté.\n\nLes suppléants sont nommés.');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.getByRole('status').innerText()).toBe('Draft saved. Publish it when it is ready.');
    await checkPage(page, 'en');
    await page.getByRole('button', { name: 'Publish now' }).click();
    expect(await page.getByRole('status').innerText()).toBe('Published.');

    await page.getByRole('link', { name: 'Public page of this publication' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/guidance/des-comptes-rendus-qui-restent');
    await checkPage(page, 'en');
    expect(await page.locator('h1').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.note').innerText()).toContain('it is shown in French');

    await page.getByRole('link', { name: 'Edit this publication' }).click();
    await page.locator('#field-withdrawReason').fill('Merged into the reporting guidance');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    expect(await page.getByRole('status').innerText()).toBe('Withdrawn.');
    const gone = await page.goto(`${session.live.baseUrl}/en/guidance/des-comptes-rendus-qui-restent`);
    expect(gone?.status()).toBe(410);
    await checkPage(page, 'en');
    expect(await page.locator('main').innerText()).toContain('Merged into the reporting guidance');
  });

  it('the public reads the list and a story, in Swahili and French; a new point of contact finds the guidance on their account page', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/sw/`);
    await page.getByRole('link', { name: 'Miongozo na simulizi za mbinu bora' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/guidance');
    await checkPage(page, 'sw');
    await page.getByRole('link', { name: 'Simulizi za mbinu bora', exact: true }).click();
    await checkPage(page, 'sw');
    await page.locator(`a[href="/sw/guidance/${STORY}"]`).click();
    await checkPage(page, 'sw');
    expect(await page.locator('h1').innerText()).toContain('Kumbukumbu na wasaidizi');

    await page.goto(`${session.live.baseUrl}/fr/guidance/${STORY}`);
    await checkPage(page, 'fr');
    expect(await page.locator('.prose').getAttribute('lang')).toBe('en');

    const poc = await createAccount(session.live.database.db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' });
    const pocPage = await newPhonePage(session.browser);
    await signInPage(pocPage, session.live.baseUrl, poc, 'fr');
    await pocPage.goto(`${session.live.baseUrl}/fr/account`);
    await checkPage(pocPage, 'fr');
    await pocPage.locator(`a[href="/fr/guidance/${NOTE}"]`).click();
    expect(await pocPage.locator('h1').innerText()).toContain('Comment rendre compte');
  });
});

import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';

const session = inBrowser();

describe('renaming and merging institutions in a browser', () => {
  it('renames from the institution page, then merges with a confirmation, every page accessible (English, French)', async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Asha Admin' });
    const page = await newPhonePage(session.browser);
    const base = session.live.baseUrl;
    await signInPage(page, base, admin, 'en');

    await page.goto(`${base}/en/members/kenya/institutions/judiciary`);
    await page.getByRole('link', { name: 'Rename this institution' }).click();
    await checkPage(page, 'en');
    await page.locator('#field-name').fill('');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.locator('.error-summary li').innerText()).toBe('New name: this field is required.');
    await checkPage(page, 'en');
    await page.locator('#field-name').fill('The Judiciary of Kenya');
    await page.locator('#field-abbreviation').fill('JK');
    await page.locator('#field-reason').fill('Its name in the new plan');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(new URL(page.url()).pathname).toBe('/en/members/kenya/institutions/the-judiciary-of-kenya/history');
    expect(await page.getByRole('status').innerText()).toBe('The institution has been renamed.');
    expect(await page.locator('.history').innerText()).toContain('Its name in the new plan');
    await checkPage(page, 'en');

    await page.goto(`${base}/fr/members/kenya/institutions/senate/merge`);
    await checkPage(page, 'fr');
    await page.locator('#field-into').selectOption({ label: 'National Assembly' });
    await page.locator('main form button[type=submit]').click();
    expect(await page.locator('h1').innerText()).toBe('Fusionner Senate dans National Assembly ?');
    expect(await page.locator('main ul').first().innerText()).toContain('1 engagement qu’elle pilote ou soutient');
    await checkPage(page, 'fr');
    await page.locator('main form.stack-form button[type=submit]').click();
    expect(new URL(page.url()).pathname).toBe('/fr/members/kenya/institutions/national-assembly/history');
    expect(await page.locator('.history').innerText()).toContain('« Senate » a été fusionnée dans cette institution');
    await checkPage(page, 'fr');
  });
});

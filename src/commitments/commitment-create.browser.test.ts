import { describe, expect, it } from 'vitest';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

const submit = (page: Awaited<ReturnType<typeof newPhonePage>>) => page.locator('form.stack-form button[type=submit]').click();

describe('creating action plans, commitments and milestones in a browser', () => {
  it('an administrator creates an action plan; the form names its errors (fr)', async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Amani Admin' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, admin, 'fr');

    await page.goto(`${session.live.baseUrl}/fr/members/kenya/action-plans/new`);
    await checkPage(page, 'fr');
    await page.locator('#field-number').fill('5');
    await page.locator('#field-startYear').fill('2023');
    await page.locator('#field-endYear').fill('2029');
    await submit(page);
    // The end year is refused on its field, and what was typed stays.
    expect(await page.locator('.error-summary a[href="#field-endYear"]').count()).toBe(1);
    expect(await page.locator('#field-endYear').inputValue()).toBe('2029');
    await checkPage(page, 'fr');
    await page.locator('#field-endYear').fill('2025');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe('/fr/members/kenya/action-plans/5/edit');
    expect(await page.getByRole('status').count()).toBe(1);
    await checkPage(page, 'fr');
    expect(await page.locator('a[href="/fr/members/kenya/action-plans/5/commitments/new"]').count()).toBe(1);
  });

  it('an administrator creates a commitment, then a milestone, and reads its history (fr)', { timeout: 60_000 }, async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Asha Admin' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, admin, 'fr');
    await page.goto(`${session.live.baseUrl}/fr/members/kenya/action-plans/4/commitments/new`);
    await checkPage(page, 'fr');
    await page.locator('#field-title').fill('Ouvrir les données budgétaires');
    await page.locator('#field-ogpId').fill('KE0050');
    await page.locator('#field-leadInstitution').selectOption({ label: 'National Treasury' });
    await page.getByRole('checkbox', { name: 'Senate', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Données ouvertes', exact: true }).check();
    await page.locator('#field-start').fill('2023-01');
    await page.locator('#field-end').fill('2022-01');
    await submit(page);
    expect(await page.locator('.error-summary a[href="#field-end"]').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Senate', exact: true }).isChecked()).toBe(true);
    await checkPage(page, 'fr');
    await page.locator('#field-end').fill('2024-12');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe('/fr/commitments/KE0050/edit');
    await checkPage(page, 'fr');

    await page.locator('a[href="/fr/commitments/KE0050/milestones/new"]').click();
    await checkPage(page, 'fr');
    await page.locator('#field-text').fill('Publier le premier jeu de données');
    await page.locator('#field-end').fill('2023-06');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe('/fr/commitments/KE0050/milestones/1/edit');

    await page.locator('a[href="/fr/commitments/KE0050/milestones/1/history"]').click();
    expect(await page.locator('.history ins').allInnerTexts()).toEqual(['juin 2023', 'Publier le premier jeu de données']);
    await checkPage(page, 'fr');

    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0050`);
    expect(await page.locator('h1').innerText()).toContain('Ouvrir les données budgétaires');
    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0050/history`);
    expect(await page.locator('.history').innerText()).toContain('Données ouvertes');
    await checkPage(page, 'fr');
  });

  it('an administrator creates a commitment in Arabic, a language of publication but not of the interface (es)', { timeout: 60_000 }, async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Amina Admin' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, admin, 'es');
    await page.goto(`${session.live.baseUrl}/es/members/kenya/action-plans/4/commitments/new`);
    // The chooser is a GET form: pick the language, then write in it (no JavaScript needed).
    await page.getByLabel('Idioma de los textos').selectOption({ label: 'árabe' });
    await page.locator('form:has(#field-lang) button').click();
    expect(new URL(page.url()).search).toBe('?lang=ar');
    await checkPage(page, 'es');
    expect(await page.locator('#field-title').evaluate((input) => [input.getAttribute('lang'), getComputedStyle(input).direction,
      getComputedStyle(input.closest('.field')!.querySelector('label')!).direction])).toEqual(['ar', 'rtl', 'ltr']);
    await page.locator('#field-title').fill('نشر بيانات الميزانية');
    await page.locator('#field-ogpId').fill('KE0052');
    await page.locator('#field-leadInstitution').selectOption({ label: 'National Treasury' });
    await submit(page);
    expect(new URL(page.url()).pathname).toBe('/es/commitments/KE0052/edit');
    // The edit form opens on the language of publication.
    expect(await page.locator('#field-lang').inputValue()).toBe('ar');
    expect(await page.locator('#field-title').inputValue()).toBe('نشر بيانات الميزانية');
    await checkPage(page, 'es');

    await page.goto(`${session.live.baseUrl}/es/commitments/KE0052`);
    expect(await page.locator('h1 span[lang="ar"][dir="rtl"]').innerText()).toBe('نشر بيانات الميزانية');
    await checkPage(page, 'es');
  });

  it('a point of contact creates a commitment their institution leads (en)', async () => {
    const poc = await createAccount(session.live.database.db, { role: 'point_of_contact', name: 'Pendo Poc' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, poc, 'en');
    await page.goto(`${session.live.baseUrl}/en/members/kenya/action-plans/4/commitments/new?lang=sw`);
    await checkPage(page, 'en');
    expect(await page.locator('#field-leadInstitution option').allInnerTexts()).toEqual(['Office of the Deputy President']);
    await page.locator('#field-title').fill('Kuimarisha ushiriki wa umma');
    await page.locator('#field-ogpId').fill('KE0051');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0051/edit');
    expect(await page.getByRole('status').count()).toBe(1);
    await checkPage(page, 'en');
  });
});

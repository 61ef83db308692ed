import { describe, expect, it } from 'vitest';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { createAccount } from '../accounts/account.factories.ts';

const session = inBrowser();

describe('recording an IRM assessment in a browser', () => {
  it('an IRM researcher goes from the commitment page to the form, is told what is wrong, records, and the public pages show it (en)', async () => {
    const researcher = await createAccount(session.live.database.db, { role: 'irm_researcher', name: 'Rehema Researcher' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, researcher, 'en');

    // From the workspace: the account page, then the commitment by its OGP ID.
    await page.goto(`${session.live.baseUrl}/en/account`);
    await page.getByRole('link', { name: 'IRM assessments' }).click();
    await checkPage(page, 'en');
    await page.locator('#field-commitment').fill('KE9999');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.locator('.error-summary li').innerText()).toContain('no commitment has this ID');
    await checkPage(page, 'en');

    // From the commitment page.
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0024`);
    await page.getByRole('link', { name: 'Record or revise this commitment\'s IRM assessment' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0024/irm');
    await checkPage(page, 'en');
    await page.getByRole('link', { name: 'Results report: record the assessment' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0024/irm/results');
    await checkPage(page, 'en');

    await page.locator('#field-completion').selectOption('substantial');
    await page.locator('#field-justification').fill('Most ministries now publish their contracts. '.repeat(80));
    await page.locator('form.stack-form button[type=submit]').click();
    // The field is named, and what was chosen stays.
    expect(await page.locator('.error-summary li').innerText()).toBe('Justification: this is too long. Use at most 3,000 characters.');
    expect(await page.locator('#field-completion').inputValue()).toBe('substantial');
    await checkPage(page, 'en');

    await page.locator('#field-justification').fill('Most ministries now publish their contracts.');
    await page.locator('#field-early_results').selectOption('moderate');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.getByRole('status').innerText()).toBe('The assessment was recorded, and the change entered in the history.');
    expect(await page.locator('h1').innerText()).toBe('Revise the IRM assessment of KE0024: Results report');
    await checkPage(page, 'en');

    await page.goto(`${session.live.baseUrl}/en/commitments/KE0024`);
    const endOfTerm = await page.locator('#irm-end-of-term').locator('..').innerText();
    expect(endOfTerm).toContain('Substantial');
    expect(endOfTerm).toContain('Most ministries now publish their contracts.');
    await checkPage(page, 'en');

    await page.goto(`${session.live.baseUrl}/en/commitments/KE0024/history`);
    const history = await page.locator('.history').innerText();
    expect(history).toContain('IRM assessment recorded');
    expect(history).toContain('Rehema Researcher');
    await checkPage(page, 'en');
  });

  it('a researcher revises an assessment with a reason, in Swahili', async () => {
    const researcher = await createAccount(session.live.database.db, { role: 'irm_researcher', name: 'Juma Mtafiti' });
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, researcher, 'sw');
    await page.goto(`${session.live.baseUrl}/sw/commitments/KE0031/irm/results`);
    await checkPage(page, 'sw');
    await page.locator('#field-completion').selectOption('complete');
    await page.locator('form.stack-form button[type=submit]').click();
    // A revision needs a reason.
    expect(await page.locator('.error-summary li').count()).toBe(1);
    await checkPage(page, 'sw');
    await page.locator('#field-reason').fill('Serikali ilitoa ushahidi wa hatua ya 4.');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.getByRole('status').count()).toBe(1);
    await page.goto(`${session.live.baseUrl}/sw/commitments/KE0031/history`);
    expect(await page.locator('.history li').first().innerText()).toContain('Serikali ilitoa ushahidi wa hatua ya 4.');
    await checkPage(page, 'sw');
  });
});

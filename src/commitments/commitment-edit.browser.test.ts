import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPhonePage, checkPage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { createAccount, type TestAccount } from '../accounts/account.factories.ts';
import { rowToRecord } from '../importers/ogp-dataset/row-to-record.ts';
import { readCsv } from '../importers/table/read-csv.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { savePortugueseCommitment } from '../../test/helpers/portuguese-commitment.ts';

const session = inBrowser();

const signIn = (page: Page, account: TestAccount, locale: string) => signInPage(page, session.live.baseUrl, account, locale);

describe('editing with history in a browser', () => {
  const cases = {
    en: {
      number: 3, expected: 'planned: May 2022, now: November 2022', reason: 'The mechanism waits for a budget line',
      source: 'It is the language the commitment was published in.', translationLink: 'Edit the translation in French',
      translation: 'You are editing the texts in French. It is a translation of the text in English.',
      sourceLink: 'Edit the text in English (the language the commitment was published in)',
    },
    fr: {
      number: 4, expected: 'prévue : mars 2022, désormais : novembre 2022', reason: 'Les récits ont été recueillis après les élections',
      source: 'C’est la langue dans laquelle l’engagement a été publié.', translationLink: 'Modifier la traduction en français',
      translation: 'Vous modifiez les textes en français. C’est une traduction du texte en anglais.',
      sourceLink: 'Modifier le texte en anglais (la langue dans laquelle l’engagement a été publié)',
    },
  } as const;
  for (const locale of ['en', 'fr'] as const) {
    it(`a point of contact re-plans a milestone with a reason; the public pages show planned vs new date and the diff (${locale})`, async () => {
      const { number, expected, reason, source, translationLink, translation, sourceLink } = cases[locale];
      const poc = await createAccount(session.live.database.db, { role: 'point_of_contact', name: `Pendo ${locale}` });
      const page = await newPhonePage(session.browser);
      await signIn(page, poc, locale);

      await page.goto(`${session.live.baseUrl}/${locale}/commitments/KE0031/edit`);
      await checkPage(page, locale);

      await page.goto(`${session.live.baseUrl}/${locale}/commitments/KE0031/milestones/${number}/edit`);
      // The milestone's text in the language of publication, said so, with its French translation a link away and back.
      expect(await page.locator('form.stack-form').innerText()).toContain(source);
      await checkPage(page, locale);
      await page.getByRole('link', { name: translationLink }).click();
      expect(await page.locator('#field-text[lang="fr"]').count()).toBe(1);
      expect(await page.locator('form.stack-form').innerText()).toContain(translation);
      await checkPage(page, locale);
      await page.getByRole('link', { name: sourceLink }).click();
      expect(await page.locator('form.stack-form').innerText()).toContain(source);
      await page.locator('#field-end').fill('2022-11');
      await page.locator('form.stack-form button[type=submit]').click();
      // No reason: the error names the field and what was typed stays.
      expect(await page.locator('.error-summary li').count()).toBe(1);
      expect(await page.locator('#field-end').inputValue()).toBe('2022-11');
      await checkPage(page, locale);
      await page.locator('#field-reason').fill(reason);
      await page.locator('form.stack-form button[type=submit]').click();
      expect(await page.getByRole('status').count()).toBe(1);
      await checkPage(page, locale);

      await page.goto(`${session.live.baseUrl}/${locale}/commitments/KE0031`);
      expect(await page.locator('#milestones').locator('..').innerText()).toContain(expected);
      await checkPage(page, locale);

      await page.locator(`a[href="/${locale}/commitments/KE0031/history"]`).first().click();
      expect(new URL(page.url()).pathname).toBe(`/${locale}/commitments/KE0031/history`);
      const history = await page.locator('.history').innerText();
      expect(history).toContain(reason);
      expect(history).toContain(`Pendo ${locale}`);
      expect(await page.locator('.history ins').first().innerText()).toMatch(/2022/);
      await checkPage(page, locale);
    });
  }

  it('an administrator edits a title, then restores the version before it from the history tab (fr)', async () => {
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Amani Admin' });
    const page = await newPhonePage(session.browser);
    await signIn(page, admin, 'fr');
    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0031/edit?lang=fr`);
    const original = await page.locator('#field-title').inputValue();
    await page.locator('#field-title').fill('Un titre à annuler');
    await page.locator('#field-reason').fill('Essai');
    await page.locator('form.stack-form button[type=submit]').first().click();
    expect(await page.getByRole('status').count()).toBe(1);

    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0031/history`);
    expect(await page.locator('.history ins').first().innerText()).toBe('Un titre à annuler');
    await checkPage(page, 'fr');
    await page.locator('.history li').first().locator('button[type=submit]').click();
    expect(await page.getByRole('status').count()).toBe(1);
    expect(await page.locator('.history ins').first().innerText()).toBe(original);
    await checkPage(page, 'fr');
  });

  it('a secretariat editor opens a commitment imported in Spanish on its Spanish text and full text, and reaches the English title (es)', async () => {
    // CR0016 as OGP's dataset gives it (decision 006): a Spanish title and full text, and OGP's English title alone.
    const dataset = readCsv(fs.readFileSync(path.resolve('../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv')));
    const row = dataset.rows.find((r) => r.cells['Commitment Unique Identifier'] === 'CR0016')!;
    await session.live.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, [rowToRecord(row.cells).record]));
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Ana Editora' });
    const page = await newPhonePage(session.browser);
    await signIn(page, admin, 'es');

    await page.goto(`${session.live.baseUrl}/es/commitments/CR0016/edit`);
    expect(await page.locator('#field-title').inputValue()).toBe('Potenciar la apertura de datos en las instituciones públicas');
    expect(await page.locator('form.stack-form').first().innerText()).toContain('Es el idioma en que se publicó el compromiso.');
    // The full text, the Spanish text's only prose, is open and marked Spanish.
    const fullText = page.locator('details.full-text');
    expect(await fullText.locator('.prose').isVisible()).toBe(true);
    expect(await fullText.locator('.prose').getAttribute('lang')).toBe('es');
    expect(await fullText.locator('.prose').innerText()).toContain('Tribunal Supremo de Elecciones');
    await checkPage(page, 'es');

    await page.locator('#field-description').fill('Aumentar las instituciones públicas que abren sus datos.');
    await page.locator('form.stack-form button[type=submit]').first().click();
    expect(await page.getByRole('status').count()).toBe(1);
    expect(await page.locator('#field-description').inputValue()).toBe('Aumentar las instituciones públicas que abren sus datos.');
    // With a description, the full text is closed and still there.
    expect(await fullText.locator('.prose').isVisible()).toBe(false);
    await checkPage(page, 'es');

    await page.getByRole('link', { name: 'Editar la traducción en inglés (solo el título)' }).click();
    expect(await page.locator('#field-title').inputValue()).toBe('Promote Open Data in Public Institutions');
    expect(await page.locator('#field-description').inputValue()).toBe('');
    expect(await page.locator('form.stack-form').first().innerText())
      .toContain('Esta traducción solo tiene su título: los demás textos del compromiso están en español.');
    expect(await page.locator('details.full-text').count()).toBe(0);
    await checkPage(page, 'es');
    await page.getByRole('link', { name: 'Editar el texto en español (el idioma en que se publicó el compromiso)' }).click();
    expect(await page.locator('#field-title').inputValue()).toBe('Potenciar la apertura de datos en las instituciones públicas');

    // The English page: OGP's English title, the Spanish description saved above.
    await page.goto(`${session.live.baseUrl}/en/commitments/CR0016`);
    expect(await page.locator('h1').innerText()).toContain('Promote Open Data in Public Institutions (CR0016)');
    expect(await page.locator('#description ~ .prose').innerText()).toContain('Aumentar las instituciones públicas que abren sus datos.');
  });

  it('an editor opens a milestone of a commitment published in Portuguese on its Portuguese text, and picks English (sw)', async () => {
    await savePortugueseCommitment(session.live.database.db);
    const admin = await createAccount(session.live.database.db, { role: 'administrator', name: 'Baraka Mhariri' });
    const page = await newPhonePage(session.browser);
    await signIn(page, admin, 'sw');

    await page.goto(`${session.live.baseUrl}/sw/commitments/BR0001/milestones/1/edit`);
    expect(await page.locator('#field-text').inputValue()).toBe('Publicar os contratos');
    expect(await page.locator('#field-lang').inputValue()).toBe('pt');
    expect(await page.locator('form.stack-form').innerText()).toContain('Unahariri maandishi kwa Kireno. Hii ndiyo lugha ambayo ahadi ilichapishwa nayo.');
    expect(await page.getByRole('link', { name: 'Hariri tafsiri ya Kiingereza' }).count()).toBe(1);
    await checkPage(page, 'sw');

    // The chooser, without JavaScript: English, a translation, linking back to the Portuguese text.
    await page.locator('#field-lang').selectOption('en');
    await page.locator('#field-lang ~ button').click();
    expect(await page.locator('#field-text').inputValue()).toBe('Publish the contracts');
    expect(await page.locator('form.stack-form').innerText()).toContain('Hii ni tafsiri ya maandishi ya Kireno.');
    await checkPage(page, 'sw');
    await page.getByRole('link', { name: 'Hariri maandishi ya Kireno (lugha ambayo ahadi ilichapishwa nayo)' }).click();
    expect(await page.locator('#field-text').inputValue()).toBe('Publicar os contratos');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLiveApp } from '../../test/helpers/live-app.ts';
import { saveDatedCommitments } from '../../test/helpers/dated-commitments.ts';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { rowToRecord } from '../importers/ogp-dataset/row-to-record.ts';
import { readCsv } from '../importers/table/read-csv.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser(async () => {
  const live = await startLiveApp();
  await saveDatedCommitments(live.database.db);
  return live;
});

describe('commitment page in a browser', () => {
  it('shows the French page with its sections, milestones and IRM summaries, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0031`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain("Renforcer l'appui institutionnel au PGO");
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const milestoneRows = page.locator('#milestones ~ .table-wrap tbody tr');
    expect(await milestoneRows.count()).toBe(7);
    expect(await milestoneRows.nth(3).innerText()).toMatch(/mars 2021[\s\S]*mars 2022/);
    expect(await page.locator('#irm-end-of-term ~ .review').innerText()).toContain('Limité');
    // French gives no status quo: it is shown in English, marked so, with a short French note.
    expect(await page.locator('#status-quo + .note').innerText()).toBe('Pas encore traduit\u202f: affiché en anglais.');
    expect(await page.locator('#status-quo + .note + .prose').getAttribute('lang')).toBe('en');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('shows the English page, and the language switcher keeps the page', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0031`);
    expect(await page.locator('h1').innerText()).toContain('Build institutional support for OGP (KE0031)');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Kiswahili' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/commitments/KE0031');
    expect(await page.locator('h1').innerText()).toContain('Kujenga uungwaji mkono');
  });

  it('marks text shown in another language than the page', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/es/commitments/KE0024`);
    await expect(page.locator('.note').innerText()).resolves.toMatch(/inglés/);
    await expectNoAccessibilityViolations(page);
  });

  it("shows the commitment's number, dates and an unread date, with its full text folded, accessibly", async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/commitments/UG0012`);
    expect(await page.locator('h1').innerText()).toMatch(/^Engagement 1\.2 : Budgets ouverts \(UG0012\)$/);
    const facts = await page.locator('#at-a-glance ~ .facts').innerText();
    expect(facts).toMatch(/juillet 2019/);
    expect(facts).toMatch(/7\/16\/1905 \(tel que la source l’a écrit ; illisible comme date\)/);
    const fullText = page.locator('details.full-text');
    expect(await fullText.locator('.prose').isVisible()).toBe(false);
    await expectNoAccessibilityViolations(page);
    await fullText.locator('summary').click();
    expect(await fullText.locator('.prose').innerText()).toContain('Budgets are published <monthly>.');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it("shows OGP's English title of a Spanish row in English, its full text in Spanish marked so, accessibly", async () => {
    const dataset = readCsv(fs.readFileSync(path.resolve('../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv')));
    const row = dataset.rows.find((r) => r.cells['Commitment Unique Identifier'] === 'CR0016')!;
    await session.live.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, [rowToRecord(row.cells).record]));
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/CR0016`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('Promote Open Data in Public Institutions (CR0016)');
    expect(await page.locator('h1 [lang]').getAttribute('lang')).toBe('en');
    // The English row has a title only: the full text falls back to the Spanish one, with a note under its heading.
    const fullText = page.locator('details.full-text');
    expect(await fullText.locator('.prose').getAttribute('lang')).toBe('es');
    await fullText.locator('summary').click();
    expect(await fullText.locator('.prose').innerText()).toContain('Tribunal Supremo de Elecciones');
    await expect(page.locator('#description ~ .note').innerText()).resolves.toMatch(/Spanish/);
    expect(await page.locator('.note').count()).toBe(1);
    await expectNoAccessibilityViolations(page);

    await page.goto(`${session.live.baseUrl}/es/commitments/CR0016`);
    expect(await page.locator('h1').innerText()).toContain('Potenciar la apertura de datos en las instituciones públicas (CR0016)');
    expect(await page.locator('h1 [lang]').getAttribute('lang')).toBe('es');
    expect(await page.locator('details.full-text .prose').getAttribute('lang')).toBe('es');
    expect(await page.locator('.note').count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });

  it('skip link moves to the main content', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0031`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});

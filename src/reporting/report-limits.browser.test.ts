import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createEvidenceApp, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { checkPage, launchBrowser, newPhonePage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { futureDay, kenyaPlanId, milestoneIdOf } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { createAccount, type TestAccount } from '../accounts/account.factories.ts';

// The portal on a free port with a 1 MB upload limit (AHADI_UPLOAD_MAX_MB=1), so the refused file stays small.
const LIMIT = 1024 * 1024;
let live: EvidenceApp & { baseUrl: string };
let browser: Browser;
let poc: TestAccount;
let reportPath: string;

beforeAll(async () => {
  const [app, launched] = await Promise.all([createEvidenceApp({ uploadMaxBytes: LIMIT }), launchBrowser()]);
  live = { ...app, baseUrl: await app.app.listen({ port: 0, host: '127.0.0.1' }) };
  browser = launched;
  const db = live.database.db;
  const admin = await signedIn(live.app, await createAccount(db, { role: 'administrator' }));
  const opened = await admin.submit('/en/reporting/rounds/new', '/en/reporting/rounds/new', { actionPlan: await kenyaPlanId(db), label: '2021 Q3', deadline: futureDay() });
  expect(opened.statusCode).toBe(303);
  const roundId = (await db.selectFrom('reporting_rounds').select('id').executeTakeFirstOrThrow()).id;
  reportPath = `/reporting/rounds/${roundId}/milestones/${await milestoneIdOf(db, 'KE0031', 1)}/report`;
  poc = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' });
});
afterAll(async () => { await browser?.close(); await live?.close(); });

describe('the report form refusing a file too large and a text too long', () => {
  it.each([
    ['en', 'the file is larger than the 1 MB allowed.', 'Use at most 10,000 characters.'],
    ['fr', `le fichier dépasse la taille autorisée de ${new Intl.NumberFormat('fr', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(1)}.`,
      `Utilisez au plus ${new Intl.NumberFormat('fr').format(10_000)} caractères.`],
  ] as const)('says each limit in %s, in the summary and at the field, and stays accessible', async (locale, fileError, textError) => {
    const page = await newPhonePage(browser);
    await signInPage(page, live.baseUrl, poc, locale);
    await page.goto(`${live.baseUrl}/${locale}${reportPath}`);
    await page.locator('#field-status').selectOption('in_progress');
    await page.locator('#field-percent').fill('40');
    await page.locator('#field-narrative').fill('n'.repeat(10_001));
    await page.locator('#field-file').setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(LIMIT + 1, 'a') });
    await page.locator('form.stack-form button[type=submit]').click();

    const summary = page.locator('.error-summary');
    expect(await summary.locator('a[href="#field-file"]').innerText()).toContain(fileError);
    expect(await summary.locator('a[href="#field-narrative"]').innerText()).toContain(textError);
    expect(await page.locator('#field-file-error').innerText()).toContain(fileError);
    expect(await page.locator('#field-file').getAttribute('aria-describedby')).toContain('field-file-error');
    expect(await page.locator('#field-narrative').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, locale);
    await page.context().close();
  }, 60_000);
});

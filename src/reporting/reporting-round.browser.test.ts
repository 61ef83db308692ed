import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createEvidenceApp, samples, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { checkPage, launchBrowser, newPhonePage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { futureDay } from '../../test/helpers/reporting-data.ts';
import { createAccount } from '../accounts/account.factories.ts';

// The portal listening on a free port, with an evidence folder of its own (uploads must not land in ./data).
let live: EvidenceApp & { baseUrl: string };
let browser: Browser;
beforeAll(async () => {
  const [app, launched] = await Promise.all([createEvidenceApp(), launchBrowser()]);
  live = { ...app, baseUrl: await app.app.listen({ port: 0, host: '127.0.0.1' }) };
  browser = launched;
});
afterAll(async () => { await browser?.close(); await live?.close(); });

describe('a full reporting round in a browser', () => {
  // The people and the round of the first test, which the second visits again in the other languages.
  let people: Record<'poc' | 'reviewer', Awaited<ReturnType<typeof createAccount>>> | undefined;
  let closedRoundId: string | undefined;

  it('admin opens a round, a PoC reports with a file, a reviewer disputes, admin closes, the public sees the snapshot', async () => {
    const db = live.database.db;
    const [admin, poc, reviewer] = await Promise.all([
      createAccount(db, { role: 'administrator', name: 'Amina Admin' }),
      createAccount(db, { role: 'point_of_contact', name: 'Peter PoC', institutionSlug: 'office-of-the-deputy-president' }),
      createAccount(db, { role: 'civil_society_reviewer', name: 'Rehema Reviewer', institutionSlug: 'civil-society-organisations' }),
    ]);
    const url = (path: string) => `${live.baseUrl}${path}`;

    // The secretariat opens "2021 Q3", from the account page's link.
    const adminPage = await newPhonePage(browser);
    await signInPage(adminPage, live.baseUrl, admin, 'en');
    await adminPage.getByRole('link', { name: 'Reporting rounds' }).click();
    await checkPage(adminPage, 'en');
    await adminPage.getByRole('link', { name: 'Open a reporting round' }).click();
    await checkPage(adminPage, 'en');
    await adminPage.locator('form.stack-form button[type=submit]').click();
    expect(await adminPage.locator('.error-summary li').count()).toBe(3);
    await checkPage(adminPage, 'en');
    await adminPage.locator('#field-actionPlan').selectOption({ label: 'Kenya Action Plan 2020–2022' });
    await adminPage.locator('#field-label').fill('2021 Q3');
    await adminPage.locator('#field-deadline').fill(futureDay());
    await adminPage.locator('form.stack-form button[type=submit]').click();
    expect(await adminPage.getByRole('status').innerText()).toContain('The round is open');
    await checkPage(adminPage, 'en');
    const roundId = (await db.selectFrom('reporting_rounds').select('id').executeTakeFirstOrThrow()).id;
    people = { poc, reviewer };
    closedRoundId = roundId;

    // The point of contact reports milestone 1 complete, with a PDF: first without evidence, which is refused.
    const pocPage = await newPhonePage(browser);
    await signInPage(pocPage, live.baseUrl, poc, 'en');
    await pocPage.goto(url('/en/reporting'));
    await checkPage(pocPage, 'en');
    await pocPage.getByRole('link', { name: /KE0031, milestone 1/ }).click();
    await checkPage(pocPage, 'en');
    await pocPage.locator('#field-status').selectOption('complete');
    await pocPage.locator('#field-percent').fill('100');
    await pocPage.locator('#field-narrative').fill('A guidance note was written for each of the seven commitment areas.');
    await pocPage.locator('form.stack-form button[type=submit]').click();
    expect(await pocPage.locator('.error-summary a[href="#field-evidence"]').count()).toBe(1);
    await checkPage(pocPage, 'en');
    await pocPage.locator('#field-file').setInputFiles({ name: 'guidance-notes.pdf', mimeType: 'application/pdf', buffer: samples.pdf() });
    await pocPage.locator('#field-fileTitle').fill('Guidance notes, 2021');
    await pocPage.locator('form.stack-form button[type=submit]').click();
    expect(await pocPage.getByRole('status').innerText()).toContain('Your report has been saved');
    expect(await pocPage.locator('.evidence-list').innerText()).toContain('Guidance notes, 2021');
    await checkPage(pocPage, 'en');
    // The form that restricts a piece of evidence (left public here): a reason is required.
    await pocPage.getByRole('link', { name: 'Restrict “Guidance notes, 2021”' }).click();
    await checkPage(pocPage, 'en');
    await pocPage.locator('form.stack-form button[type=submit]').click();
    expect(await pocPage.locator('.error-summary a[href="#field-reason"]').count()).toBe(1);
    await checkPage(pocPage, 'en');

    // The reviewer disputes it, with the report and its evidence beside the form.
    const reviewerPage = await newPhonePage(browser);
    await signInPage(reviewerPage, live.baseUrl, reviewer, 'en');
    await reviewerPage.goto(url('/en/reporting'));
    await checkPage(reviewerPage, 'en');
    await reviewerPage.getByRole('link', { name: /KE0031, milestone 1/ }).click();
    await checkPage(reviewerPage, 'en');
    expect(await reviewerPage.locator('.evidence-list').innerText()).toContain('Guidance notes, 2021');
    await reviewerPage.locator('#field-verdict').selectOption('disputed');
    await reviewerPage.locator('#field-comment').fill('Only four notes were published; three areas have none.');
    await reviewerPage.locator('form.stack-form button[type=submit]').click();
    expect(await reviewerPage.getByRole('status').innerText()).toContain('Your verdict has been recorded');
    await checkPage(reviewerPage, 'en');

    // The secretariat follows the progress and closes the round, confirming.
    await adminPage.goto(url(`/en/reporting/rounds/${roundId}/workspace`));
    await checkPage(adminPage, 'en');
    // KE0031 is co-led: both lead institutions answer for its milestones, each with its own section.
    expect(await adminPage.locator('h2[id^="institution-"]').allInnerTexts()).toEqual(['Office of the Deputy President', 'Commission on Administrative Justice']);
    await adminPage.locator('#field-confirm').check();
    await adminPage.getByRole('button', { name: 'Close 2021 Q3' }).click();
    expect(await adminPage.getByRole('status').innerText()).toContain('The round is closed');
    await checkPage(adminPage, 'en');

    // The public page shows the snapshot: the government's claim beside civil society's dispute.
    for (const locale of ['en', 'sw'] as const) {
      const publicPage = await newPhonePage(browser);
      await publicPage.goto(url(`/${locale}/reporting/rounds/${roundId}`));
      await checkPage(publicPage, locale);
      // The snapshot names both lead institutions: the co-led milestone is in each one's section, naming the other.
      expect(await publicPage.locator('h2[id^="institution-"]').allInnerTexts()).toEqual(['Commission on Administrative Justice', 'Office of the Deputy President']);
      const disputed = publicPage.locator('tr.disputed');
      expect(await disputed.count()).toBe(2);
      for (const [row, other] of [[disputed.first(), 'Office of the Deputy President'], [disputed.last(), 'Commission on Administrative Justice']] as const) {
        expect(await row.innerText()).toContain(locale === 'en' ? 'Complete' : 'Imekamilika');
        expect(await row.innerText()).toContain(`${locale === 'en' ? 'Co-led with' : 'Inaongozwa pamoja na'} ${other}`);
        expect(await row.locator('.verdict-disputed').innerText()).toBe(locale === 'en' ? 'Disputed' : 'Inapingwa');
      }
    }
  }, 240_000); // four people, a dozen pages, an accessibility scan on each

  it.each(['fr', 'es', 'sw'] as const)('the workspace and public reporting pages are accessible in %s', async (locale) => {
    expect(people && closedRoundId).toBeTruthy();
    const { poc, reviewer } = people!;
    // An administrator of their own: a TOTP code is accepted once per 30-second step, and the languages follow quickly.
    const admin = await createAccount(live.database.db, { role: 'administrator', name: `Admin ${locale}` });
    const milestone = await live.database.db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
      .select('m.id').where('c.ogp_id', '=', 'KE0031').where('m.number', '=', 1).executeTakeFirstOrThrow();
    const visit = async (page: Awaited<ReturnType<typeof newPhonePage>>, path: string) => {
      const response = await page.goto(`${live.baseUrl}/${locale}${path}`);
      expect(response?.status(), path).toBe(200);
      await checkPage(page, locale);
    };

    const adminPage = await newPhonePage(browser);
    await signInPage(adminPage, live.baseUrl, admin, locale);
    await visit(adminPage, '/reporting');
    await visit(adminPage, '/reporting/rounds/new');
    await adminPage.locator('form.stack-form button[type=submit]').click();
    expect(await adminPage.locator('.error-summary li').count()).toBe(3);
    await checkPage(adminPage, locale);
    await visit(adminPage, `/reporting/rounds/${closedRoundId}/workspace`);

    for (const person of [poc, reviewer]) {
      const page = await newPhonePage(browser);
      await signInPage(page, live.baseUrl, person, locale);
      await visit(page, '/reporting');
      await visit(page, `/reporting/rounds/${closedRoundId}/milestones/${milestone.id}/report`);
    }

    const publicPage = await newPhonePage(browser);
    await visit(publicPage, `/reporting/rounds/${closedRoundId}`);
    await visit(publicPage, '/commitments/KE0031/milestones/1');
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { kenyaPlanId, person } from '../../test/helpers/reporting-data.ts';
import { REMINDER_BASE_URL, REMINDER_MAILER } from '../../test/helpers/reminder-data.ts';
import { openReportingRound } from '../reporting/commands/open-reporting-round.ts';
import { closeReportingRound } from '../reporting/commands/close-reporting-round.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('the history of an action plan in a browser', () => {
  it('shows an edit made through the form and a round opened and closed, accessibly, in English and Swahili', async () => {
    const db = session.live.database.db;
    const admin = await person(db, 'administrator');
    const page = await newPhonePage(session.browser);
    await signInPage(page, session.live.baseUrl, admin.account, 'en');

    await page.goto(`${session.live.baseUrl}/en/members/kenya/action-plans/4/edit`);
    await page.locator('#field-endYear').fill('2023');
    await page.locator('#field-reason').fill('Extended by one year');
    await page.locator('form.stack-form button[type=submit]').click();
    expect(await page.getByRole('status').count()).toBe(1);
    const opened = await openReportingRound(db, REMINDER_MAILER, REMINDER_BASE_URL, admin.user,
      { actionPlan: await kenyaPlanId(db), label: '2022 Q1', deadline: '2031-03-15' });
    expect(opened.ok).toBe(true);
    const round = (await db.selectFrom('reporting_rounds').select('id').where('label', '=', '2022 Q1').executeTakeFirstOrThrow()).id;
    expect((await closeReportingRound(db, admin.user, round, { confirm: 'yes' })).ok).toBe(true);

    await page.goto(`${session.live.baseUrl}/en/members/kenya/action-plans/4`);
    await page.getByRole('link', { name: 'History of this action plan' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/members/kenya/action-plans/4/history');
    await checkPage(page, 'en');
    expect(await page.locator('.history > li h2').allInnerTexts()).toEqual(['Reporting round closed', 'Reporting round opened', 'Action plan edited']);
    const history = await page.locator('.history').innerText();
    expect(history).toContain('Extended by one year');
    expect(history).toContain('Round “2022 Q1”, reports due by March 15, 2031.');
    expect(history).toMatch(/ UTC/);
    expect(await page.getByRole('table', { name: 'What changed' }).getByRole('rowheader').allInnerTexts()).toEqual(['Last year']);

    await page.goto(`${session.live.baseUrl}/sw/members/kenya/action-plans/4/history`);
    await checkPage(page, 'sw');
    expect(await page.locator('h1').innerText()).toBe('Historia: Mpango Kazi wa Kenya 2020–2023');
    expect(await page.locator('.history').innerText()).toContain('Awamu “2022 Q1”, ripoti zinatakiwa kufikia');
  });
});

import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { evidenceForm, kenyaPlanId, milestoneIdOf, person, reportDeps } from '../../test/helpers/reporting-data.ts';
import { REMINDER_BASE_URL, REMINDER_MAILER } from '../../test/helpers/reminder-data.ts';
import { openReportingRound } from '../reporting/commands/open-reporting-round.ts';
import { submitMilestoneReport } from '../reporting/commands/submit-milestone-report.ts';
import { closeReportingRound } from '../reporting/commands/close-reporting-round.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('milestone reports on a commitment’s history tab in a browser', () => {
  it('shows a published report as a diff with the milestone’s link, accessibly, in English and Swahili', async () => {
    const db = session.live.database.db;
    const admin = await person(db, 'administrator');
    const poc = await person(db, 'point_of_contact', 'office-of-the-deputy-president');
    expect((await openReportingRound(db, REMINDER_MAILER, REMINDER_BASE_URL, admin.user,
      { actionPlan: await kenyaPlanId(db), label: '2022 Q1', deadline: '2031-03-15' })).ok).toBe(true);
    const round = (await db.selectFrom('reporting_rounds').select('id').where('label', '=', '2022 Q1').executeTakeFirstOrThrow()).id;
    const sent = await submitMilestoneReport(db, reportDeps, poc.user, { roundId: round, milestoneId: await milestoneIdOf(db, 'KE0031', 3) },
      evidenceForm({ status: 'in_progress', percent: '60', narrative: 'Three of five counties trained.', lang: 'en', linkUrl: 'https://example.org/training' }));
    expect(sent.ok).toBe(true);
    expect((await closeReportingRound(db, admin.user, round, { confirm: 'yes' })).ok).toBe(true);

    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0031/history`);
    await checkPage(page, 'en');
    const entry = page.locator('.history > li').first();
    expect(await entry.locator('h2').innerText()).toBe('Milestone report sent: milestone 3');
    expect(await entry.getByRole('table', { name: 'What changed' }).getByRole('rowheader').allInnerTexts())
      .toEqual(['Status', 'Percent complete', 'What was done', 'Language of the text', 'Reporting institution', 'Version of the report']);
    expect(await entry.locator('ins').first().innerText()).toBe('In progress');
    expect(await entry.innerText()).toContain('Reporting round: 2022 Q1. Evidence added with this version: 1 item.');
    await entry.getByRole('link', { name: 'Milestone 3: its page and published reports' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0031/milestones/3');

    await page.goto(`${session.live.baseUrl}/sw/commitments/KE0031/history`);
    await checkPage(page, 'sw');
    expect(await page.locator('.history > li').first().locator('ins').first().innerText()).toBe('Inaendelea');
  });
});

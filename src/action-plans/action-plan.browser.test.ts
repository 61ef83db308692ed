import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { startPublicReportingLiveApp } from '../../test/helpers/public-reporting-app.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser(startPublicReportingLiveApp);

describe('action plan page in a browser', () => {
  it('shows the plan\'s reporting by institution, accessibly, in English and Spanish', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/members/kenya/action-plans/4`);
    await checkPage(page, 'en');
    const table = page.getByRole('table', { name: 'Reporting by institution' });
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('rowheader', { name: 'Office of the Deputy President' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '2021 Q4' }).getAttribute('href')).toMatch(/^\/en\/reporting\/rounds\/\d+$/);
    await page.goto(`${session.live.baseUrl}/es/members/kenya/action-plans/4`);
    await checkPage(page, 'es');
    expect(await page.getByRole('table', { name: 'Informes por institución' }).innerText()).toMatch(/70\s%/u);
  });
});

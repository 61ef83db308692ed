import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { startPublicReportingLiveApp } from '../../test/helpers/public-reporting-app.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser(startPublicReportingLiveApp);

describe('milestone page in a browser', () => {
  it('is reached from the commitment page and shows a disputed claim beside the verdict, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0031`);
    await page.getByRole('link', { name: 'Write a guidance note for each commitment area' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/commitments/KE0031/milestones/1');
    await checkPage(page, 'en');
    expect(await page.locator('h1').innerText()).toBe('Milestone 1 of KE0031');
    expect(await page.locator('.note').innerText()).toContain('Disputed');
    const sides = page.locator('#latest-status ~ .cards > li');
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).innerText()).toMatch(/Complete[\s\S]*100%/);
    expect(await sides.nth(1).innerText()).toMatch(/Disputed[\s\S]*Confirmed · Civil society organisations[\s\S]*Two notes are still drafts/);
    expect(await page.getByRole('link', { name: 'Internal review' }).count()).toBe(0);
    expect(await page.locator('#timeline ~ .table-wrap tbody tr').count()).toBe(2);
  });

  it('shows a fetched link with its checksum and a restricted file, in French, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0031/milestones/6`);
    await checkPage(page, 'fr');
    expect(await page.getByRole('link', { name: 'Roundtable reports' }).getAttribute('href')).toBe('https://ogp.example.org/roundtables');
    await page.goto(`${session.live.baseUrl}/fr/commitments/KE0031/milestones/2`);
    await checkPage(page, 'fr');
    expect(await page.locator('#evidence + ul').innerText()).toContain('Minutes');
  });

  it('shows a milestone without published reports in Swahili, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/sw/commitments/KE0031/milestones/3`);
    await checkPage(page, 'sw');
    expect(await page.locator('#latest-status + p').innerText()).toContain('Bado hakuna ripoti');
  });
});

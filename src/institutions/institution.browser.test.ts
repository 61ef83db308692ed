import { describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';
import { demoCommitments } from '../demo/demo-data.ts';

const session = inBrowser();

describe('institution page in a browser', () => {
  it('is reached from a commitment page and lists what the institution leads, accessibly, in English', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/en/commitments/KE0031`);
    await page.getByRole('link', { name: 'Commission on Administrative Justice' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/members/kenya/institutions/commission-on-administrative-justice');
    expect(await page.locator('h1').innerText()).toBe('Commission on Administrative Justice');
    expect(await page.locator('#led').innerText()).toBe('Leads 1 commitment');
    expect(await page.locator('#led ~ ul a').innerText()).toBe('Build institutional support for OGP');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('lists supported commitments in French, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/fr/members/kenya/institutions/civil-society-organisations`);
    expect(await page.locator('#supported').innerText()).toBe('Soutient 4 engagements');
    expect(await page.locator('#supported ~ ul li').count()).toBe(4);
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('says, accessibly, in Swahili, that an institution an import renamed has no commitments now', async () => {
    const kenya = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
    const save = (lead: string) => session.live.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, [{
      member: kenya.member, actionPlan: kenya.actionPlan, ogpId: 'KE0901', sourceLocale: 'en', texts: { en: { title: 'Open land registry' } },
      leadInstitutions: [{ name: lead, kind: 'ministry' }], supportingInstitutions: [], policyAreas: [], irmReviews: [],
    }], { source: 'plan.csv' }));
    await save('Ministry of Land');
    await save('Ministry of Lands and Housing');
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/sw/members/kenya/institutions/ministry-of-land`);
    expect(await page.locator('.notice').innerText()).toMatch(/^Taasisi hii haiongozi wala haiungi mkono ahadi yoyote kwa sasa\./);
    await page.getByRole('link', { name: 'KE0901' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/commitments/KE0901/history');
    await expectNoHorizontalScroll(page);
    await expectNoAccessibilityViolations(page);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { createPublicReportingApp, type WithFixture } from '../../test/helpers/public-reporting-app.ts';

let t: WithFixture<TestApp>;
beforeAll(async () => { t = await createPublicReportingApp({ apiCommitments: true }); });
afterAll(async () => { await t.close(); });

async function reportingSection(url: string): Promise<string> {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body.slice(res.body.indexOf('id="reporting"'));
}
const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('the reporting section of /{locale}/members/{slug}/action-plans/{number}', () => {
  it('links the closed rounds, newest first, and not the open one', async () => {
    const section = await reportingSection('/en/members/kenya/action-plans/4');
    const [q3, q4, open] = t.fixture.rounds;
    expect(section.indexOf(`href="/en/reporting/rounds/${q4!.id}"`)).toBeGreaterThan(0);
    expect(section.indexOf(`href="/en/reporting/rounds/${q3!.id}"`)).toBeGreaterThan(section.indexOf(`/rounds/${q4!.id}"`));
    expect(section).not.toContain(`/rounds/${open!.id}"`);
    expect(section).toContain('closed on January 20, 2022');
    expect(section).toContain('Figures over the 2 closed rounds');
  });

  it('gives each institution its punctuality, evidence coverage and verification counts in an accessible table', async () => {
    const section = await reportingSection('/en/members/kenya/action-plans/4');
    expect(section).toContain('<caption>Reporting by institution</caption>');
    expect(section.match(/<th scope="col">/g)).toHaveLength(9);
    const rows = section.slice(section.indexOf('<tbody>')).split('<tr>').slice(1);
    expect(rows.map(cells)).toEqual([
      ['Commission on Administrative Justice', '67% (4 of 6 on time)', '1', '1', '60% (3 of 5 claims)', '2', '0', '1', '2'],
      ['Office of the Deputy President', '57% (8 of 14 on time)', '3', '3', '70% (7 of 10 claims)', '4', '2', '1', '4'],
    ]);
    expect(rows[1]).toContain('<th scope="row"');
    expect(rows[1]).toContain('href="/en/members/kenya/institutions/office-of-the-deputy-president"');
  });

  it('formats the figures for the page language', async () => {
    const section = await reportingSection('/fr/members/kenya/action-plans/4');
    expect(section).toMatch(/67\s%\s\(4 sur 6 dans les délais\)/u);
    expect(section).toContain('clos le 20 janvier 2022');
  });

  it('is sent with the public pages\' cache headers', async () => {
    const res = await t.app.inject('/en/members/kenya/action-plans/4');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.etag).toMatch(/^W\/"/);
  });

  it('says so when no round of the plan has closed', async () => {
    const section = await reportingSection('/sw/members/uganda/action-plans/2');
    expect(section).toContain('Bado hakuna mzunguko wa kuripoti wa mpango huu uliofungwa');
    expect(section).not.toContain('<table');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { kenyaPlanId } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
let admin: WebClient;
let poc: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator', name: 'Amani Admin' }));
  poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', name: 'Pendo Poc', institutionSlug: 'office-of-the-deputy-president' }));
});
afterAll(async () => { await t.close(); });

// The demo data set has Kenya's fourth action plan (2020-2022), with KE0031's milestones.
const HISTORY = '/en/members/kenya/action-plans/4/history';
const EDIT = '/en/members/kenya/action-plans/4/edit';
const NEW_PLAN = '/en/members/kenya/action-plans/new';
const NEW_ROUND = '/en/reporting/rounds/new';
const years = { number: '4', submissionYear: '2020', startYear: '2020', endYear: '2022' };

const entries = (html: string) => [...html.matchAll(/<li id="change-(\d+)">\s*<h2><span>([^<]*)<\/span><\/h2>/g)].map((m) => ({ id: m[1]!, what: m[2]! }));

/** Runs the real commands through their forms: edit plan 4, open a round on it, report on a milestone, close the round. */
async function runCommands(): Promise<string> {
  const db = t.database.db;
  const edited = await admin.submit(EDIT, EDIT, { ...years, endYear: '2024', reason: 'Extended <script>alert(1)</script>' });
  expect(edited.statusCode, edited.body.slice(0, 500)).toBe(303);
  const opened = await admin.submit(NEW_ROUND, NEW_ROUND, { actionPlan: await kenyaPlanId(db), label: '2021 Q3', deadline: '2031-03-15' });
  expect(opened.statusCode, opened.body.slice(0, 500)).toBe(303);
  const round = (await db.selectFrom('reporting_rounds').select('id').where('label', '=', '2021 Q3').executeTakeFirstOrThrow()).id;
  const milestone = (await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id').select('m.id')
    .where('c.ogp_id', '=', 'KE0031').where('m.number', '=', 2).executeTakeFirstOrThrow()).id;
  const reportUrl = `/en/reporting/rounds/${round}/milestones/${milestone}/report`;
  const reported = await poc.submit(reportUrl, reportUrl, { status: 'in_progress', percent: '30', narrative: 'Under way.', lang: 'en' });
  expect(reported.statusCode, reported.body.slice(0, 500)).toBe(303);
  const closed = await admin.submit(`/en/reporting/rounds/${round}/workspace`, `/en/reporting/rounds/${round}/close`, { confirm: 'yes' });
  expect(closed.statusCode, closed.body.slice(0, 500)).toBe(303);
  return round;
}

describe('the history of an action plan', () => {
  it('is empty before any command, public, cached like a commitment history tab, and linked from the plan page', async () => {
    const anonymous = new WebClient(t.app);
    const res = await anonymous.get(HISTORY);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>History: Kenya Action Plan 2020–2022</h1>');
    expect(res.body).toContain('No change has been recorded for this action plan yet.');
    expect(res.body).toContain('<a href="/en/members/kenya/action-plans/4">Back to the action plan</a>');
    expect(res.body).toMatch(/<nav[^>]*aria-label="[^"]+"[\s\S]*href="\/en\/members\/kenya"[\s\S]*href="\/en\/members\/kenya\/action-plans\/4"/);
    expect(res.body).not.toContain(EDIT);
    const commitmentTab = await anonymous.get('/en/commitments/KE0031/history');
    expect(res.headers['cache-control']).toBe(commitmentTab.headers['cache-control']);
    expect(res.headers.etag).toBeUndefined();
    expect((await anonymous.get('/en/members/kenya/action-plans/4')).body).toContain(`<a href="${HISTORY}">History of this action plan</a>`);
    expect((await anonymous.get('/fr/members/kenya/action-plans/4')).body)
      .toContain('<a href="/fr/members/kenya/action-plans/4/history">Historique de ce plan d’action</a>');
  });

  it('lists, newest first, what real commands did: who, when, why, the plan fields before and after, the rounds', async () => {
    await runCommands();
    const res = await new WebClient(t.app).get(HISTORY);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(entries(html).map((e) => e.what)).toEqual([
      'Reporting round closed', 'Milestone report sent', 'Reporting round opened', 'Action plan edited',
    ]);
    // The edit: who, the reason (escaped), and the field that changed.
    expect(html).toContain('Amani Admin');
    expect(html).toContain('<span>Extended &lt;script>alert(1)&lt;/script></span>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/<th scope="row" data-label="Field">Last year<\/th>\s*<td data-label="Before"><del>2022<\/del><\/td>\s*<td data-label="After"><ins>2024<\/ins><\/td>/);
    // The rounds say which round; the times say their time zone.
    expect(html).toContain('Round “2021 Q3”, reports due by March 15, 2031.');
    expect(html).toContain('Round “2021 Q3”: 1 of 7 milestones reported.');
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+Z">[^<]+ UTC<\/time>/);
    // The report belongs to a commitment: named with the reporter's institution, linked to that commitment's tab.
    const report = entries(html).find((e) => e.what === 'Milestone report sent')!;
    expect(html).toContain('Pendo Poc (Office of the Deputy President)');
    expect(html).toContain(`<a href="/en/commitments/KE0031/history#change-${report.id}">See this change in the history of commitment KE0031</a>`);
    expect((await new WebClient(t.app).get('/en/commitments/KE0031/history')).body).toContain(`id="change-${report.id}"`);
  });

  it('speaks French at /fr/, and shows a new plan its creation', async () => {
    const fr = await new WebClient(t.app).get('/fr/members/kenya/action-plans/4/history');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<h1>Historique : Plan d’action 2020–2024\u00a0: Kenya</h1>');
    expect(entries(fr.body).map((e) => e.what)).toEqual([
      'Cycle de rapport clôturé', 'Rapport sur un jalon envoyé', 'Cycle de rapport ouvert', 'Plan d’action modifié',
    ]);
    expect(fr.body).toContain('Cycle « 2021 Q3 », rapports attendus au plus tard le 15 mars 2031.');
    expect(fr.body).toContain('Cycle « 2021 Q3 » : jalons renseignés : 1 sur 7.');
    expect(fr.body).toMatch(/<time datetime="[^"]+">\d{1,2} [^<\d]+ \d{4}, \d\d:\d\d UTC<\/time>/);
    expect(fr.body).toContain('href="/fr/commitments/KE0031/history#change-');

    const created = await admin.submit(NEW_PLAN, NEW_PLAN, { number: '5', submissionYear: '2023', startYear: '2023', endYear: '2025' });
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
    const five = await new WebClient(t.app).get('/fr/members/kenya/action-plans/5/history');
    expect(five.statusCode).toBe(200);
    expect(entries(five.body).map((e) => e.what)).toEqual(['Plan d’action créé']);
    expect(five.body).toMatch(/data-label="Champ">Dernière année<\/th>\s*<td data-label="Avant"><del>[^<]+<\/del><\/td>\s*<td data-label="Après"><ins>2025<\/ins>/);
  });

  it('gives a signed-in person a page that is never stored, with the edit link for those who may edit', async () => {
    const mine = await admin.get(HISTORY);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.body).toContain(`<a href="${EDIT}">Edit this action plan</a>`);
    const theirs = await poc.get(HISTORY);
    expect(theirs.headers['cache-control']).toBe('no-store');
    expect(theirs.body).not.toContain(EDIT);
  });

  it('answers 404 for an unknown member or plan and for a plan number that is not one', async () => {
    const client = new WebClient(t.app);
    for (const url of [
      '/en/members/atlantis/action-plans/4/history', '/en/members/kenya/action-plans/9/history',
      '/en/members/kenya/action-plans/x/history', '/en/members/kenya/action-plans/-4/history',
      '/en/members/kenya/action-plans/4.0/history', '/en/members/kenya/action-plans/999/history',
      '/en/members/kenya/action-plans/0/history', '/en/members/kenya/action-plans/%3Cb%3E/history',
      '/xx/members/kenya/action-plans/4/history',
    ]) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<b>');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { createPublicReportingApp, type WithFixture } from '../../test/helpers/public-reporting-app.ts';

let t: WithFixture<TestApp>;
beforeAll(async () => { t = await createPublicReportingApp({ apiCommitments: true }); });
afterAll(async () => { await t.close(); });

const page = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  return res.body;
};
/** The part of the page between two ids, to tell the latest report from the timeline. */
const between = (body: string, from: string, to: string) => body.slice(body.indexOf(`id="${from}"`), body.indexOf(`id="${to}"`));

describe('GET /{locale}/commitments/{id}/milestones/{number}', () => {
  it('shows the milestone in the page language, its re-planned dates and its links', async () => {
    const body = await page('/fr/commitments/KE0031/milestones/1');
    expect(body).toContain('<h1>Jalon 1 de KE0031</h1>');
    expect(body).toContain('Rédiger une note d’orientation pour chaque domaine d’engagement');
    expect(body).toContain('prévue : décembre 2021, désormais : mars 2022');
    expect(body).toContain('href="/fr/commitments/KE0031/milestones/1/history"');
    expect(body).toContain('href="/fr/commitments/KE0031"');
    expect(body).toContain('href="/api/v1/commitments/KE0031/milestones/1/reports"');
    expect(body).not.toContain('n’a pas encore été traduit');
  });

  it('marks a milestone text shown in another language than the page', async () => {
    const body = await page('/sw/commitments/KE0031/milestones/2');
    expect(body).toContain('lang="en"');
    expect(body).toContain('Maandishi haya bado hayajatafsiriwa');
  });

  it('shows the latest published report beside civil society\'s verdict, a dispute said in words', async () => {
    const latest = between(await page('/en/commitments/KE0031/milestones/1'), 'latest-status', 'timeline');
    expect(latest).toContain('As reported in 2021 Q4');
    expect(latest).toContain('Disputed: civil society disputes this claim of the government.');
    expect(latest).toMatch(/Status<\/dt><dd>Complete<\/dd>/);
    expect(latest).toContain('100%');
    expect(latest).toContain('after the deadline');
    expect(latest).toContain('Confirmed · Civil society organisations');
    expect(latest).toContain('Disputed · a civil-society reviewer');
    expect(latest).toContain('— <q>Two notes are still drafts.</q>');
  });

  it('lists the latest report\'s evidence: a file with its type and size, a restricted link without its address', async () => {
    const latest = between(await page('/en/commitments/KE0031/milestones/1'), 'latest-status', 'timeline');
    expect(latest).toContain(`<a href="/evidence/${t.fixture.evidence.get('Guidance notes, final')}">Guidance notes, final</a>`);
    expect(latest).toContain('(PDF, 1.5 MB)'); // 1,572,864 bytes: 1.5 × 1,024²
    // Sizes in the page's language, by Intl.
    expect(between(await page('/fr/commitments/KE0031/milestones/1'), 'latest-status', 'timeline')).toMatch(/\(PDF, 1,5\sMo\)/);
    expect(latest).toContain('Internal review');
    expect(latest).toContain('Restricted</strong> <span>(Internal document of the steering committee)');
    expect(latest).not.toContain('intranet.example.org');
    expect(latest).not.toContain(`/evidence/${t.fixture.evidence.get('Internal review')}"`);
  });

  it('gives a fetched link its fetch date and checksum, and a restricted file no link', async () => {
    const body = await page('/en/commitments/KE0031/milestones/6');
    expect(body).toContain('href="https://ogp.example.org/roundtables"');
    expect(body).toMatch(/fetched on October 1, 2021, SHA-256 checksum<\/span> <code>(<wbr\/>)?(<span>[0-9a-f]{8}<\/span>(<wbr\/>)?){8}<\/code>/);
    const second = await page('/en/commitments/KE0031/milestones/2');
    expect(second).toContain('Minutes');
    expect(second).not.toContain(`/evidence/${t.fixture.evidence.get('Attendance list')}"`);
  });

  it('shows the timeline of every closed round, the missing one included, and nothing of the open round', async () => {
    const body = await page('/en/commitments/KE0031/milestones/1');
    const timeline = body.slice(body.indexOf('id="timeline"'));
    const rows = timeline.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`href="/en/reporting/rounds/${t.fixture.rounds[0]!.id}"`);
    expect(rows[0]).toMatch(/2021 Q3[\s\S]*In progress \(40%\)[\s\S]*Confirmed[\s\S]*On time[\s\S]*2 items[\s\S]*lang="fr"/);
    expect(rows[1]).toMatch(/2021 Q4[\s\S]*Complete \(100%\)[\s\S]*Disputed[\s\S]*Late[\s\S]*2 items, 1 restricted/);
    expect(body).not.toContain('OPEN ROUND');
    expect(body).not.toContain('2022 Q1');
    const missing = await page('/en/commitments/KE0031/milestones/3');
    expect(missing).toContain('No report on this milestone has been published yet');
    expect(missing.split('<tr>').slice(2).every((row) => row.includes('No report'))).toBe(true);
  });

  it('says so when no round of the plan has closed', async () => {
    const body = await page('/es/commitments/UG0002/milestones/1');
    expect(body).toContain('Todavía no se ha publicado ningún informe sobre este hito');
    expect(body).toContain('Todavía no se ha cerrado ninguna ronda de informes de este plan de acción.');
    expect(body).toContain('T3 2017');
  });

  it('redirects a lower-case id and answers an unknown or malformed milestone, or language, with 404', async () => {
    const redirect = await t.app.inject('/en/commitments/ke0031/milestones/2');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/en/commitments/KE0031/milestones/2');
    for (const url of ['/en/commitments/KE0031/milestones/8', '/en/commitments/KE0031/milestones/0', '/en/commitments/KE0031/milestones/01',
      '/en/commitments/KE0031/milestones/one', '/en/commitments/KE9999/milestones/1', '/en/commitments/123/milestones/1',
      '/xx/commitments/KE0031/milestones/1']) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it('is sent with the public pages\' cache headers, and 304 when the browser has it', async () => {
    const res = await t.app.inject('/en/commitments/KE0031/milestones/1');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.etag).toMatch(/^W\/"/);
    const again = await t.app.inject({ url: '/en/commitments/KE0031/milestones/1', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('is linked from each milestone of the commitment page', async () => {
    const body = await page('/en/commitments/KE0031');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(body).toContain(`href="/en/commitments/KE0031/milestones/${n}"`);
  });
});

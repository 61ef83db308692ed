import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DATED_COMMITMENTS, saveDatedCommitments } from '../../test/helpers/dated-commitments.ts';
import { saveCommitmentRecord } from './save-commitment-record.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveDatedCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

describe('GET /{locale}/commitments/{id}', () => {
  it('shows the commitment in the page language when a translation exists', async () => {
    const res = await t.app.inject('/fr/commitments/KE0031');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain("Renforcer l&#39;appui institutionnel au PGO");
    expect(res.body).toContain('Plan d');
    // The title is translated: no note under it (parts not translated have their own: partial-translation test).
    expect(res.body).not.toContain('n’a pas encore été traduit');
  });

  it('falls back to the source language with a visible note and a lang attribute', async () => {
    const res = await t.app.inject('/fr/commitments/KE0024');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<span lang="en">Open contracting in public procurement</span>');
    expect(res.body).toMatch(/class="note"[^>]*>[^<]*anglais/);
  });

  it('redirects a lower-case id to the canonical URL', async () => {
    const res = await t.app.inject('/en/commitments/ke0031');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/en/commitments/KE0031');
  });

  it('keeps the query string through the redirect', async () => {
    const res = await t.app.inject('/en/commitments/ke0031?x=1&utm_source=mail');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/en/commitments/KE0031?x=1&utm_source=mail');
  });

  it('answers an unknown or malformed id with a 404 page in the page language', async () => {
    for (const url of ['/sw/commitments/KE9999', '/sw/commitments/not-an-id']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<html lang="sw">');
    }
  });

  it('answers an unknown language with a 404', async () => {
    const res = await t.app.inject({ url: '/de/commitments/KE0031', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="fr">');
  });
});

describe("the commitment's own number, dates and full text", () => {
  it('shows the number label beside the title and the dates as precise as the source, in English', async () => {
    const body = (await t.app.inject('/en/commitments/UG0012')).body;
    expect(body).toMatch(/<h1>\s*<span class="muted">Commitment 1\.2:<\/span> <span lang="en">Open budgets<\/span>/);
    expect(body).toContain('<dt>Start date</dt><dd><span>July 2019</span></dd>');
    const quarter = (await t.app.inject('/en/commitments/UG0013')).body;
    expect(quarter).toContain('Commitment III.4:');
    expect(quarter).toContain('<dt>Start date</dt><dd><span>Q1 2019</span></dd>');
    expect(quarter).toContain('<dt>End date</dt><dd><span>2021</span></dd>');
  });

  it('shows them in French, with the whole-number label of a plan that numbers so', async () => {
    const body = (await t.app.inject('/fr/commitments/UG0012')).body;
    expect(body).toContain('<span class="muted">Engagement 1.2 :</span> <span lang="fr">Budgets ouverts</span>');
    expect(body).toContain('<dt>Date de début</dt><dd><span>juillet 2019</span></dd>');
    const quarter = (await t.app.inject('/fr/commitments/UG0013')).body;
    expect(quarter).toContain('<dt>Date de début</dt><dd><span>T1 2019</span></dd>');
    expect(quarter).toContain('<dt>Date de fin</dt><dd><span>2021</span></dd>');
    expect((await t.app.inject('/fr/commitments/KE0031')).body).toContain('<span class="muted">Engagement 8 :</span>');
  });

  it('shows a date that could not be read as the source wrote it, marked so, never as a date', async () => {
    for (const [locale, marker] of [['en', 'not readable as a date'], ['fr', 'illisible comme date']] as const) {
      const body = (await t.app.inject(`/${locale}/commitments/UG0012`)).body;
      expect(body).toMatch(new RegExp(`<dd><span lang="en">7/16/1905</span> <span class="muted">[^<]*${marker}[^<]*</span></dd>`));
      expect(body).not.toMatch(/1905<\/span><\/dd>|juillet 1905|July 16, 1905/);
    }
    expect((await t.app.inject('/en/commitments/KE0024')).body).toContain('<dt>Start date</dt><dd><span>Not given</span></dd>');
  });

  it('gives the full text in a <details> section, in the source language when the page language has none', async () => {
    const en = (await t.app.inject('/en/commitments/UG0012')).body;
    expect(en).toContain('<details class="full-text"><summary>Full text as published</summary><div class="prose" lang="en"><p>Budgets are published &lt;monthly>.</p><p>Milestones: publish, review.</p></div></details>');
    expect((await t.app.inject('/fr/commitments/UG0012')).body).toContain('<summary>Texte intégral publié</summary><div class="prose" lang="en">');
    expect((await t.app.inject('/en/commitments/KE0031')).body).not.toContain('<details class="full-text">');
  });

  it('shows a re-imported full text and dates at once: they change the version of the cached page', async () => {
    const before = await t.app.inject('/en/commitments/UG0012');
    const [first] = DATED_COMMITMENTS;
    await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, {
      ...first!, end: { date: '2021-06-30', precision: 'day', raw: '6/30/2021' },
      texts: { ...first!.texts, en: { ...first!.texts.en!, fullText: 'A corrected full text.' } },
    }));
    const after = await t.app.inject({ url: '/en/commitments/UG0012', headers: { 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('<p>A corrected full text.</p>');
    expect(after.body).toContain('<dt>End date</dt><dd><span>June 30, 2021</span></dd>');
    await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, first!));
  });
});

describe('GET /api/v1/commitments/{id}', () => {
  it('returns the record with prose in every language', async () => {
    const res = await t.app.inject('/api/v1/commitments/ke0031');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ogpId).toBe('KE0031');
    expect(Object.keys(body.texts).sort()).toEqual(['en', 'es', 'fr', 'sw']);
    expect(body.milestones).toHaveLength(7);
    expect(body.actionPlan.ogpPlanId).toBe('AP_KEN04');
    expect(body.policyAreas[0].label).toMatch(/Capacity Building|Public Participation/);
  });

  it('gives a JSON 404 with a stable code for an unknown id', async () => {
    const res = await t.app.inject('/api/v1/commitments/KE9999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'commitment KE9999 not found' } });
  });

  it('gives a JSON 400 naming the field for a malformed id or locale', async () => {
    const badId = await t.app.inject('/api/v1/commitments/123');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({ code: 'invalid_input', field: 'id' });
    const badLocale = await t.app.inject('/api/v1/commitments/KE0031?locale=xx');
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error).toMatchObject({ code: 'invalid_input', field: 'locale' });
  });
});

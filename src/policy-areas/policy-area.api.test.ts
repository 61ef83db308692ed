import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

type Areas = { data: { key: string; label: string; labelLocale: string; parentKey: string | null }[]; nextCursor: string | null; total: number };

describe('GET /api/v1/policy-areas', () => {
  it('gives the taxonomy in OGP\'s order with labels in the language asked for', async () => {
    const res = await t.app.inject('/api/v1/policy-areas?locale=sw&limit=2');
    expect(res.statusCode).toBe(200);
    const body: Areas = res.json();
    expect(body.total).toBe(86);
    expect(body.data[0]).toMatchObject({ key: 'anti-corruption-and-integrity', parentKey: null, labelLocale: 'sw' });
    expect(body.data[1]).toMatchObject({ parentKey: 'anti-corruption-and-integrity' });
  });

  it('walks the whole taxonomy once in pages of 30', async () => {
    const all: Areas = (await t.app.inject('/api/v1/policy-areas?limit=100')).json();
    expect(all.data).toHaveLength(86);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Areas = (await t.app.inject(`/api/v1/policy-areas?limit=30&locale=fr${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...body.data.map((a) => a.key));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.data.map((a) => a.key));
  });

  it('answers an unknown language with 400 naming locale', async () => {
    const res = await t.app.inject('/api/v1/policy-areas?locale=de');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'locale' });
  });
});

describe('GET /api/v1/policy-areas/{key}', () => {
  it('gives the area with its label in every language, its children and its commitment count', async () => {
    const res = await t.app.inject('/api/v1/policy-areas/fiscal-openness?locale=fr');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body.labels).sort()).toEqual(['en', 'es', 'fr', 'sw']);
    expect(body.label).toBe(body.labels.fr);
    expect(body.children).toContain('publication-of-budget-fiscal-information');
    expect(body.commitmentCount).toBe(0);
    expect((await t.app.inject('/api/v1/policy-areas/open-contracting')).json()).toMatchObject({ commitmentCount: 1, labelLocale: 'en' });
  });

  it('answers an unknown key with 404 and a malformed one with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/policy-areas/astrology')).statusCode).toBe(404);
    const bad = await t.app.inject('/api/v1/policy-areas/Open_Data');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'key' });
  });
});

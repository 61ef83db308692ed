import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /{locale}/commitments/{id}', () => {
  it('shows the commitment in the page language when a translation exists', async () => {
    const res = await t.app.inject('/fr/commitments/KE0031');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain("Renforcer l&#39;appui institutionnel au PGO");
    expect(res.body).toContain('Plan d');
    expect(res.body).not.toContain('class="note"');
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

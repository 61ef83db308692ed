import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { stylesheet } from '../layout/assets.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /', () => {
  it('redirects to the best language of the browser', async () => {
    const fr = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE,fr;q=0.8,en;q=0.5' } });
    expect(fr.statusCode).toBe(302);
    expect(fr.headers.location).toBe('/fr/');
    const none = await t.app.inject('/');
    expect(none.headers.location).toBe('/en/');
  });
});

describe('GET /{locale}/', () => {
  it('lists the members with their counts, in the page language', async () => {
    const res = await t.app.inject('/sw/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="sw">');
    expect(res.body).toContain('href="/sw/members/kenya"');
    expect(res.body).toContain('hreflang="fr" href="/fr/"');
  });

  it('sends security headers and a cacheable stylesheet', async () => {
    const res = await t.app.inject('/en/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const css = await t.app.inject(stylesheet.url);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { isOpenData } from './open-data-cors.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const ORIGIN = 'https://dashboard.example.org';
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { origin: ORIGIN } });
const preflight = (url: string) => t.app.inject({
  method: 'OPTIONS', url, headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
});

describe('open data from a web page of another origin', () => {
  it('may be read: the API, downloads, feeds and the open-data package answer any origin, without credentials', async () => {
    for (const url of ['/api/v1/commitments/KE0031', '/api/v1/commitments?member=kenya', '/api/v1/openapi.json',
      '/fr/commitments/download.csv?member=kenya', '/en/feeds/commitments.atom', '/en/members/kenya/feed.atom', '/open-data/ahadi-open-data.zip']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['access-control-expose-headers'], url).toBe('ETag, Content-Disposition');
      expect(res.headers['access-control-allow-credentials'], url).toBeUndefined();
    }
    // Answers kept per data version, and 304s, carry them too.
    expect((await get('/api/v1/commitments/KE0031')).headers['access-control-allow-origin']).toBe('*');
    const etag = (await get('/en/feeds/commitments.atom')).headers.etag as string;
    const notModified = await t.app.inject({ method: 'GET', url: '/en/feeds/commitments.atom', headers: { origin: ORIGIN, 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['access-control-allow-origin']).toBe('*');
  });

  it('may be asked for conditionally: the preflight allows GET and HEAD with If-None-Match, for a day', async () => {
    const res = await preflight('/api/v1/commitments/KE0031');
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'if-none-match', 'access-control-max-age': '86400',
    });
  });

  it('leaves pages, forms and the workspace same-origin', async () => {
    for (const url of ['/en/commitments', '/en/commitments/KE0031', '/en/open-data', '/en/sign-in']) {
      expect((await get(url)).headers['access-control-allow-origin'], url).toBeUndefined();
      const refused = await preflight(url);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.headers['access-control-allow-origin'], url).toBeUndefined();
    }
  });

  it('is told apart by its path alone', () => {
    for (const url of ['/api/v1/members', '/sw/commitments/download.xlsx?q=x', '/es/policy-areas/open-data/feed.atom', '/open-data/ahadi-open-data.zip']) {
      expect(isOpenData(url), url).toBe(true);
    }
    for (const url of ['/en/commitments', '/en/commitments/download.pdf', '/en/open-data', '/en/apiary', '/en/commitments?x=/api/']) {
      expect(isOpenData(url), url).toBe(false);
    }
  });
});

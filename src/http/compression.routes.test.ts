import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { stylesheet } from '../layout/assets.ts';
import { keptWith } from './compression.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const decoded = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };
// A download names the moment it was made.
const withoutDate = (body: string) => body.replace(/"generated_at":"[^"]+"/, '"generated_at":""');

describe('responses compressed for browsers that accept it', () => {
  it('sends pages, the API, feeds, downloads and the stylesheet in brotli or gzip, the same bytes once decoded', async () => {
    for (const url of ['/en/commitments', '/fr/commitments/KE0031', '/sw/members/kenya', '/api/v1/commitments?member=kenya',
      '/api/v1/openapi.json', '/en/feeds/commitments.atom', '/es/commitments/download.csv?member=kenya',
      '/en/commitments/download.json?member=kenya', stylesheet.url]) {
      const plain = await get(url);
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      for (const encoding of ['br', 'gzip'] as const) {
        // Twice: the second answer of a kept page is sent from its kept compressed form.
        for (const time of [1, 2]) {
          const res = await get(url, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' });
          expect(res.headers['content-encoding'], `${url} ${encoding} ${time}`).toBe(encoding);
          expect(res.headers.vary, url).toMatch(/accept-encoding/);
          expect(withoutDate(decoded[encoding](res.rawPayload).toString('utf8')), `${url} ${encoding} ${time}`).toBe(withoutDate(plain.body));
          expect(res.rawPayload.length, url).toBeLessThan(plain.rawPayload.length);
        }
      }
    }
  });

  it('sends files that are compressed already as they are', async () => {
    for (const url of ['/en/commitments/download.xlsx?member=kenya', '/open-data/ahadi-open-data.zip']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBeUndefined();
    }
  });

  it('keeps one ETag for a page whatever its encoding, so a browser that has it gets a 304 either way', async () => {
    const plain = await get('/en/commitments/KE0031');
    const compressed = await get('/en/commitments/KE0031', { 'accept-encoding': 'br' });
    expect(compressed.headers.etag).toBe(plain.headers.etag);
    const again = await get('/en/commitments/KE0031', { 'accept-encoding': 'br', 'if-none-match': plain.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });
});

describe('keptWith', () => {
  it('compresses a Buffer once however often it is sent, and anything else every time', () => {
    const calls: unknown[] = [];
    const compress = keptWith((input: zlib.InputType) => { calls.push(input); return zlib.gzipSync(input); });
    const page = Buffer.from('<p>kept</p>'.repeat(200));
    const first = compress(page);
    expect(compress(page)).toBe(first);
    expect(calls).toHaveLength(1);
    expect(compress(Buffer.from(page))).toEqual(first);
    compress('<p>fresh</p>');
    compress('<p>fresh</p>');
    expect(calls).toHaveLength(4);
  });
});

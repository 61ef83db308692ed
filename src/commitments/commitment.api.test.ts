import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { findCommitmentDetail } from './commitment.queries.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /api/v1/commitments/{id} under its response schema', () => {
  it('sends the commitment detail unchanged: the schema neither drops nor alters a field', async () => {
    for (const [id, locale] of [['KE0031', 'fr'], ['KE0024', 'en']] as const) {
      const res = await t.app.inject(`/api/v1/commitments/${id}?locale=${locale}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(await findCommitmentDetail(t.database.db, id, locale))));
      expect(res.headers['cache-control']).toBe('public, max-age=60');
    }
  });

  it('answers If-None-Match with 304 while the record is unchanged', async () => {
    const first = await t.app.inject('/api/v1/commitments/KE0031');
    const again = await t.app.inject({ url: '/api/v1/commitments/ke0031', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveDatedCommitments } from '../../test/helpers/dated-commitments.ts';
import { findCommitmentDetail } from './commitment.queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveDatedCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

describe('GET /api/v1/commitments/{id} under its response schema', () => {
  it('sends the commitment detail unchanged: the schema neither drops nor alters a field', async () => {
    for (const [id, locale] of [['KE0031', 'fr'], ['KE0024', 'en'], ['UG0012', 'fr'], ['UG0013', 'en']] as const) {
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

  it("gives the commitment's number label, its dates as precise as the source, an unread date as written, and full texts", async () => {
    const dated = (await t.app.inject('/api/v1/commitments/UG0012?locale=fr')).json();
    expect(dated).toMatchObject({
      numberInPlan: null, numberLabel: '1.2',
      start: { date: '2019-07-01', precision: 'month', raw: 'July 2019' },
      end: { date: null, precision: null, raw: '7/16/1905' },
      texts: { en: { fullText: 'Budgets are published <monthly>.\nMilestones: publish, review.' }, fr: { title: 'Budgets ouverts', fullText: null } },
    });
    expect((await t.app.inject('/api/v1/commitments/UG0013')).json()).toMatchObject({
      numberLabel: 'III.4', start: { precision: 'quarter', date: '2019-01-01' }, end: { precision: 'year', date: '2021-01-01' },
    });
    expect((await t.app.inject('/api/v1/commitments/KE0024')).json()).toMatchObject({ start: null, end: null, numberLabel: null });
  });

  it('keeps the OpenAPI document and its docs page valid, describing the new fields', async () => {
    const document = (await t.app.inject('/api/v1/openapi.json')).json();
    const result = await validate(structuredClone(document));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    const detail = JSON.stringify(document.components.schemas.CommitmentDetail);
    for (const field of ['numberLabel', 'start', 'end', 'fullText', 'UnreadDate']) expect(detail).toContain(field);
    expect((await t.app.inject('/en/api')).statusCode).toBe(200);
  });
});

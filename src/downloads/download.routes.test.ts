import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';
import { NO_FILTERS } from '../commitments/commitment-filters.ts';
import { exportCommitments } from './commitment-export.queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
});
afterAll(async () => { await t.close(); });

const csvIds = (body: string) => (parse(body, { bom: true, columns: true }) as { ogp_id: string }[]).map((r) => r.ogp_id);
const jsonIds = (body: string) => (JSON.parse(body) as { commitments: { ogp_id: string }[] }).commitments.map((r) => r.ogp_id);
async function xlsxIds(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const ids: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => { if (n > 1) ids.push(String(row.getCell(1).value)); });
  return ids;
}

describe('GET /{locale}/commitments/download.{csv,xlsx,json}', () => {
  it('sends each format as an attachment with its content type', async () => {
    for (const [format, type] of [['csv', 'text/csv; charset=utf-8'], ['json', 'application/json; charset=utf-8'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']] as const) {
      const res = await t.app.inject(`/en/commitments/download.${format}`);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="ahadi-commitments-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`));
    }
  });

  it('lists every commitment in the order of the list page', async () => {
    const page = await t.app.inject('/en/commitments?sort=id');
    const pageIds = [...page.body.matchAll(/href="\/en\/commitments\/([A-Z]{2,4}\d{4})"/g)].map((m) => m[1]);
    expect(pageIds).toHaveLength(5);
    expect(csvIds((await t.app.inject('/en/commitments/download.csv?sort=id')).body)).toEqual(pageIds);
    expect(jsonIds((await t.app.inject('/en/commitments/download.json?sort=id')).body)).toEqual(pageIds);
    expect(await xlsxIds((await t.app.inject('/en/commitments/download.xlsx?sort=id')).rawPayload)).toEqual(pageIds);
  });

  it('honours the filters of the list page', async () => {
    const cases: [string, string[]][] = [
      ['member=uganda', ['UG0001']],
      ['irm=completion:limited', ['KE0031']],
      ['area=open-contracting&sort=id', ['KE0024', 'UG0001']],
      ['q=guidance%20note', ['KE0031']],
      ['to=2015', ['UG0001']],
      ['kind=local', []],
    ];
    for (const [query, expected] of cases) {
      expect(csvIds((await t.app.inject(`/fr/commitments/download.csv?${query}`)).body), query).toEqual(expected);
      expect(jsonIds((await t.app.inject(`/fr/commitments/download.json?${query}`)).body), query).toEqual(expected);
      expect(await xlsxIds((await t.app.inject(`/fr/commitments/download.xlsx?${query}`)).rawPayload), query).toEqual(expected);
    }
  });

  it('writes the header row even when nothing matches', async () => {
    const csv = (await t.app.inject('/en/commitments/download.csv?kind=local')).body;
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^ogp_id,member,member_code,/);
    expect(JSON.parse((await t.app.inject('/en/commitments/download.json?kind=local')).body).commitments).toEqual([]);
  });

  it('answers a bad filter with a 400 naming it, and an unknown language with a 404', async () => {
    for (const [query, field] of [['irm=bogus', 'irm'], ['from=2020&to=2012', 'from'], ['kind=planet', 'kind'], ['sort=random', 'sort']]) {
      for (const format of ['csv', 'xlsx', 'json']) {
        const res = await t.app.inject(`/es/commitments/download.${format}?${query}`);
        expect(res.statusCode, `${format}?${query}`).toBe(400);
        expect(res.body).toContain(`<code>${field}`);
      }
    }
    expect((await t.app.inject('/xx/commitments/download.csv')).statusCode).toBe(404);
    expect((await t.app.inject('/en/commitments/download.pdf')).statusCode).toBe(404);
  });

  it('pages through a large result in batches, with the same rows as one batch', async () => {
    const collect = async (rows: number, ids: number) => {
      const collected = [];
      for await (const row of exportCommitments(t.database.db, { ...NO_FILTERS, sort: 'oldest' }, 'en', { rows, ids })) collected.push(row);
      return collected;
    };
    const whole = await collect(500, 5000);
    expect(whole).toHaveLength(5);
    expect(await collect(2, 20)).toEqual(whole);
    expect(await collect(1, 1)).toEqual(whole);
    // Ids found three at a time, their rows read two at a time: a batch of rows never spans two calls for ids.
    expect(await collect(2, 3)).toEqual(whole);
  });

  it('links the downloads of the current filters from the list page', async () => {
    const res = await t.app.inject('/fr/commitments?member=kenya&area=capacity-building');
    expect(res.body).toContain('<p class="downloads">');
    for (const format of ['csv', 'xlsx', 'json']) {
      expect(res.body).toContain(`href="/fr/commitments/download.${format}?member=kenya&area=capacity-building"`);
    }
    expect((await t.app.inject('/fr/commitments?kind=local')).body).not.toContain('class="downloads"');
  });
});

import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';
import { XLSX_CELL_LIMIT, XLSX_CUT_MARKER } from './xlsx-stream.ts';

/**
 * The XLSX download opens whatever the database holds: a title stored before texts were cleaned coming in (a
 * control character, a U+FFFE that made ExcelJS refuse the whole file), and a title longer than an Excel cell.
 */
let t: TestApp;
const LONG = `${'Open data for every county. '.repeat(1429)}End.`; // 40,016 characters, as one import brought in
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
  const setTitle = (ogpId: string, title: string) => sql`
    update commitment_texts x set title = ${title} from commitments c
    where c.id = x.commitment_id and c.ogp_id = ${ogpId} and x.locale = 'en'`.execute(t.database.db);
  await setTitle('KE0031', 'Udhibiti\u000Bwa\uFFFE data\u0007 wazi');
  await setTitle('UG0001', LONG);
});
afterAll(async () => { await t.close(); });

async function xlsxTitles(): Promise<Record<string, string>> {
  const res = await t.app.inject('/en/commitments/download.xlsx?sort=id');
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer); // threw "disallowed character" before
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const titles: Record<string, string> = {};
  sheet.eachRow((row, n) => {
    if (n > 1) titles[String(row.getCell(header.indexOf('ogp_id')).value)] = String(row.getCell(header.indexOf('title')).value);
  });
  return titles;
}

describe('XLSX download cells', () => {
  it('opens with a stored control character and U+FFFE, cleaned as texts coming in are', async () => {
    expect((await xlsxTitles()).KE0031).toBe('Udhibiti\nwa data wazi');
  });

  it('cuts a text over 32,767 characters at the limit, ending in a marker that says so; CSV and JSON keep it whole', async () => {
    expect(LONG).toHaveLength(40_016);
    const title = (await xlsxTitles()).UG0001!;
    expect(title).toHaveLength(XLSX_CELL_LIMIT);
    expect(title.endsWith(XLSX_CUT_MARKER)).toBe(true);
    expect(XLSX_CUT_MARKER).toMatch(/^… \[cut at 32,767 characters/);
    expect(LONG.startsWith(title.slice(0, -XLSX_CUT_MARKER.length))).toBe(true);
    const csv = parse((await t.app.inject('/en/commitments/download.csv')).body, { bom: true, columns: true }) as { ogp_id: string; title: string }[];
    expect(csv.find((r) => r.ogp_id === 'UG0001')!.title).toBe(LONG);
    const json = JSON.parse((await t.app.inject('/en/commitments/download.json')).body) as { commitments: { ogp_id: string; title: string }[] };
    expect(json.commitments.find((r) => r.ogp_id === 'UG0001')!.title).toBe(LONG);
  });
});

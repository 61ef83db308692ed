import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';
import { DATED_COMMITMENTS, saveDatedCommitments } from '../../test/helpers/dated-commitments.ts';
import { saveCommitmentRecord } from '../commitments/save-commitment-record.ts';
import { expectedExportRow, type Expected } from '../../test/helpers/expected-export.ts';
import { EXPORT_COLUMNS, fromCells } from './export-columns.ts';

/**
 * Downloads re-import losslessly: every field of every row, read back from CSV (csv-parse), XLSX (ExcelJS) and
 * JSON, equals what the database holds. When LibreOffice is installed, the files also go through it (XLSX and CSV
 * opened and saved again by LibreOffice) and still read back the same. CI does not install LibreOffice.
 */
let t: TestApp;
let expected: Record<string, Expected[]>;
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
  // Numbers as plans write them ("1.2", "III.4"), and one a spreadsheet would shorten if it read it as a number.
  await saveDatedCommitments(t.database.db);
  await t.database.db.transaction().execute((trx) =>
    saveCommitmentRecord(trx, { ...DATED_COMMITMENTS[0]!, ogpId: 'UG0014', numberLabel: '1.10' }));
  const ids = (await t.database.db.selectFrom('commitments').select('ogp_id').orderBy('ogp_id').execute()).map((r) => r.ogp_id);
  expected = {};
  for (const locale of ['en', 'fr']) expected[locale] = await Promise.all(ids.map((id) => expectedExportRow(t.database.db, id, locale)));
});
afterAll(async () => { await t.close(); });

const HEADER = EXPORT_COLUMNS.map((c) => c.key);

function readCsv(body: string | Buffer): Expected[] {
  const [header, ...records] = parse(body, { bom: true, relax_column_count: false }) as string[][];
  expect(header).toEqual(HEADER);
  return records.map((record) => fromCells(record, { csv: true }));
}

/**
 * `byLibreOffice`: the workbook was saved by LibreOffice from a CSV download, so its formula-like texts carry a
 * "'", and text mixing scripts is split into runs of different fonts (rich text), which is joined again here.
 */
async function readXlsx(body: Buffer, { byLibreOffice = false } = {}): Promise<Expected[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  const plain = (value: ExcelJS.CellValue) => (byLibreOffice && value !== null && typeof value === 'object' && 'richText' in value
    ? value.richText.map((run) => run.text).join('') : value);
  sheet.eachRow((row) => rows.push(HEADER.map((_, i) => plain(row.getCell(i + 1).value))));
  const [header, ...records] = rows;
  expect(header).toEqual(HEADER);
  for (const record of records) {
    // Numbers come back as numbers, text as plain strings: nothing became a formula, a date or rich text.
    for (const [i, value] of record.entries()) {
      expect(value === null || typeof value === 'string' || typeof value === 'number', `${HEADER[i]}: ${JSON.stringify(value)}`).toBe(true);
      if (typeof value === 'number') expect(EXPORT_COLUMNS[i]!.kind, `${HEADER[i]}: ${value}`).toBe('integer');
    }
  }
  return records.map((record) => fromCells(record, { csv: byLibreOffice }));
}

describe.each(['en', 'fr'])('downloads in %s re-import losslessly', (locale) => {
  const url = (format: string) => `/${locale}/commitments/download.${format}?sort=id`;

  it('JSON', async () => {
    const body = JSON.parse((await t.app.inject(url('json'))).body);
    expect(body.locale).toBe(locale);
    expect(body.columns.map((c: { key: string }) => c.key)).toEqual(HEADER);
    expect(body.commitments).toEqual(expected[locale]);
  });

  it('CSV', async () => {
    const csv = (await t.app.inject(url('csv'))).rawPayload;
    expect(readCsv(csv)).toEqual(expected[locale]);
    // A title that a spreadsheet would run as a formula is written with a "'" in front (and read back without it).
    if (locale === 'en') expect(csv.toString('utf8')).toContain('"\'=HYPERLINK(""http://evil.example"";');
  });

  it('XLSX', async () => {
    expect(await readXlsx((await t.app.inject(url('xlsx'))).rawPayload)).toEqual(expected[locale]);
  });

  it('keeps the hostile text exactly, and picks titles in the language of the download', async () => {
    const uganda = expected[locale]!.find((r) => r.ogp_id === 'UG0001')!;
    expect(uganda.title_locale).toBe(locale);
    expect(uganda.lead_institutions).toEqual(['Ministry of Finance; Planning, "Budget" & <Economy>']);
    expect(uganda.irm_completion).toBe('complete');
    expect(uganda.irm_relevance_technology).toBe('no_data');
    // KE0024 exists only in English: a French download falls back to it.
    expect(expected[locale]!.find((r) => r.ogp_id === 'KE0024')!.title_locale).toBe('en');
  });

  it('keeps the numbers as the plans write them, in text (a spreadsheet would make "1.10" 1.1)', async () => {
    const csv = readCsv((await t.app.inject(url('csv'))).rawPayload);
    const labels = Object.fromEntries(csv.filter((r) => r.number_label !== null).map((r) => [r.ogp_id, r.number_label]));
    expect(labels).toEqual({ UG0012: '1.2', UG0013: 'III.4', UG0014: '1.10' });
    expect(csv.find((r) => r.ogp_id === 'UG0001')).toMatchObject({ number_in_plan: 1, number_label: null });
  });
});

// LibreOffice is the spreadsheet most of our users open downloads in; `.ci/run` installs it (libreoffice-calc-nogui).
const soffice = await findSoffice();

describe('downloads through LibreOffice', () => {
  let dir: string;
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ahadi-lo-')); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  const convert = async (file: string, to: string, infilter?: string) => {
    await promisify(execFile)(soffice, [
      `-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', path.join(dir, 'out'), file,
    ], { timeout: 120_000 });
    return fs.readFile(path.join(dir, 'out', `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`));
  };

  it('opens the XLSX download and saves it as CSV with every field intact', async () => {
    const file = path.join(dir, 'commitments-xlsx.xlsx');
    await fs.writeFile(file, (await t.app.inject('/en/commitments/download.xlsx?sort=id')).rawPayload);
    // Comma, double quote, UTF-8 (76), from the first line; cells as shown; quote every text cell.
    const csv = await convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true');
    expect(readCsv(csv)).toEqual(expected.en);
  }, 180_000);

  it('opens the CSV download and saves it as XLSX with every field intact', async () => {
    const file = path.join(dir, 'commitments-csv.csv');
    await fs.writeFile(file, (await t.app.inject('/en/commitments/download.csv?sort=id')).rawPayload);
    // Comma, double quote, UTF-8, first line 1, formulas evaluated as when a person opens the file: the "'" in front
    // of the formula-like title keeps it text. Column types are left to detection (ids stay text, years numbers).
    const xlsx = await convert(file, 'xlsx', 'CSV:44,34,76,1');
    expect(await readXlsx(xlsx, { byLibreOffice: true })).toEqual(expected.en);
  }, 180_000);
});

async function findSoffice(): Promise<string> {
  for (const candidate of [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']) {
    if (candidate && await fs.access(candidate).then(() => true, () => false)) return candidate;
  }
  throw new Error('LibreOffice is needed by the download tests: apt-get install libreoffice-calc-nogui (or set SOFFICE_PATH)');
}

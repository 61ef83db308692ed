import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { findCommitmentDetail } from '../../commitments/commitment.queries.ts';
import { TableFileError } from '../table/table.ts';
import { importSpreadsheet } from './import-spreadsheet.ts';
import { MappingError } from './mapping.ts';

const DATA = path.resolve(process.cwd(), '../shared/data/ogp');
const COMMITMENTS_CSV = path.join(DATA, 'mexico_plan4_compromisos_2019.csv');
const MILESTONES_CSV = path.join(DATA, 'mexico_plan4_hitos_2019.csv');
const COMMITMENTS_MAPPING = path.resolve('docs/import-mappings/mexico-plan4-compromisos.json');
const MILESTONES_MAPPING = path.resolve('docs/import-mappings/mexico-plan4-hitos.json');
// 91 milestone rows; the mapping skips six stubs with no text at all and 32 rows whose description is still the
// tracker's template text.
const MILESTONE_ROWS = 91;
const STUB_ROWS = [7, 24, 25, 32, 78, 86];
const PLACEHOLDER_ROWS = [8, 9, 10, 15, 16, 17, 18, 23, 26, 34, 38, 39, 40, 41, 42, 48, 49, 50, 56, 57, 58, 63, 69, 70, 71, 72, 76, 77, 79, 80, 87, 88];
const SKIPPED = STUB_ROWS.length + PLACEHOLDER_ROWS.length;

const scratch = scratchFolder('spreadsheet');
const csvDb = useTestDatabase();
const xlsxDb = useTestDatabase();
const linksDb = useTestDatabase();

/** The CSV as an XLSX workbook, every cell a text cell, as a secretariat's spreadsheet would be saved. */
async function xlsxOf(csvFile: string): Promise<string> {
  const records: string[][] = parse(fs.readFileSync(csvFile), { bom: true });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Hoja 1').addRows(records);
  const file = path.join(scratch.dir, path.basename(csvFile).replace(/\.csv$/, '.xlsx'));
  await workbook.xlsx.writeFile(file);
  return file;
}

function writeJson(name: string, value: unknown): string {
  return scratch.write(name, typeof value === 'string' ? value : JSON.stringify(value));
}

const shipped = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('import spreadsheet with the shipped Mexico mappings', () => {
  it('refuses milestones of commitments not imported yet, naming them, and writes nothing', async () => {
    const summary = await importSpreadsheet(csvDb.db, MILESTONES_CSV, MILESTONES_MAPPING, { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.counts.rejected).toBe(MILESTONE_ROWS - SKIPPED);
    expect(summary.results.find((r) => r.outcome === 'rejected')?.reason).toMatch(/commitment MX00\d\d is not in Ahadi: import the commitments first/);
    expect(await csvDb.db.selectFrom('milestones').selectAll().execute()).toEqual([]);
  });

  it('imports the 13 commitments from the CSV', async () => {
    const summary = await importSpreadsheet(csvDb.db, COMMITMENTS_CSV, COMMITMENTS_MAPPING, { dryRun: false });
    expect(summary.counts).toEqual({ created: 13, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    const rural = await findCommitmentDetail(csvDb.db, 'MX0076', 'es');
    expect(rural).toMatchObject({ sourceLocale: 'es', member: { name: 'Mexico', code: 'MEX' }, actionPlan: { number: 4, startYear: 2019, endYear: 2021 } });
    expect(rural!.texts.es!.title).toBe('Apoyar el desarrollo rural');
    expect(rural!.texts.es!.description).toMatch(/^Conformar un grupo de trabajo multi-actor/);
    const stored = await csvDb.db.selectFrom('commitment_texts as t').innerJoin('commitments as c', 'c.id', 't.commitment_id')
      .select(['c.ogp_id', 't.full_text']).where('c.ogp_id', '=', 'MX0076').executeTakeFirstOrThrow();
    expect(stored.full_text).toContain('Otros actores:\nEl PNUD');
  });

  it('imports the milestones from the CSV, linked to their commitments, skipping the stub and placeholder rows', async () => {
    const summary = await importSpreadsheet(csvDb.db, MILESTONES_CSV, MILESTONES_MAPPING, { dryRun: false });
    expect(summary.counts).toEqual({ created: MILESTONE_ROWS - SKIPPED, updated: 0, unchanged: 0, rejected: 0, skipped: SKIPPED });
    const skipped = summary.results.filter((r) => r.outcome === 'skipped');
    expect(skipped.map((r) => r.rowNumber)).toEqual([...STUB_ROWS, ...PLACEHOLDER_ROWS].sort((a, b) => a - b));
    expect(skipped.find((r) => r.rowNumber === 7)!.reason).toBe('no text in "descripcion"');
    expect(skipped.find((r) => r.rowNumber === 23)!.reason).toBe('only the template\'s placeholder text: "Descripción del hito..." in "descripcion"');
    const texts = await csvDb.db.selectFrom('milestone_texts').select('text').execute();
    expect(texts.filter((t) => t.text.startsWith('Descripción del hito'))).toEqual([]);
    const rural = await findCommitmentDetail(csvDb.db, 'MX0076', 'es');
    expect(rural!.milestones).toHaveLength(5);
    expect(rural!.milestones[0]).toMatchObject({ number: 1, start: { date: '2019-11-01', precision: 'day' }, end: { date: '2020-03-13', precision: 'day' } });
    expect(rural!.milestones[0]!.texts.es).toMatch(/^Conformar un Grupo de Trabajo multiactor[\s\S]*\n\nIndicador: Publicación del diagnóstico$/);
    expect((await findCommitmentDetail(csvDb.db, 'MX0087', 'es'))!.milestones).toEqual([]);
  });

  it('imports both sheets a second time as unchanged, and the commitments keep their milestones', async () => {
    expect((await importSpreadsheet(csvDb.db, COMMITMENTS_CSV, COMMITMENTS_MAPPING, { dryRun: false })).counts)
      .toEqual({ created: 0, updated: 0, unchanged: 13, rejected: 0, skipped: 0 });
    expect((await importSpreadsheet(csvDb.db, MILESTONES_CSV, MILESTONES_MAPPING, { dryRun: false })).counts)
      .toEqual({ created: 0, updated: 0, unchanged: MILESTONE_ROWS - SKIPPED, rejected: 0, skipped: SKIPPED });
    const count = await csvDb.db.selectFrom('milestones').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(MILESTONE_ROWS - SKIPPED);
  });

  it('imports the same sheets saved as XLSX, giving exactly what the CSV gives', async () => {
    const commitments = await importSpreadsheet(xlsxDb.db, await xlsxOf(COMMITMENTS_CSV), COMMITMENTS_MAPPING, { dryRun: false });
    expect(commitments.counts).toEqual({ created: 13, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    const milestones = await importSpreadsheet(xlsxDb.db, await xlsxOf(MILESTONES_CSV), MILESTONES_MAPPING, { dryRun: false });
    expect(milestones.counts).toEqual({ created: MILESTONE_ROWS - SKIPPED, updated: 0, unchanged: 0, rejected: 0, skipped: SKIPPED });
    expect(milestones.results.map((r) => r.rowNumber)).toEqual(Array.from({ length: MILESTONE_ROWS }, (_, i) => i + 2));
    // The CSV over the XLSX import: every record hashes the same, so nothing changes.
    expect((await importSpreadsheet(xlsxDb.db, COMMITMENTS_CSV, COMMITMENTS_MAPPING, { dryRun: false })).counts.unchanged).toBe(13);
    expect((await importSpreadsheet(xlsxDb.db, MILESTONES_CSV, MILESTONES_MAPPING, { dryRun: false })).counts.unchanged).toBe(MILESTONE_ROWS - SKIPPED);
  });

  it('keeps a text that only begins with a placeholder\'s words, and numbers milestones past the skipped rows', async () => {
    const rows: Record<string, string>[] = parse(fs.readFileSync(MILESTONES_CSV), { columns: true, bom: true });
    // Row 8 (the first of MX0085's template rows) written for real, in the template's words.
    rows[6]!.descripcion = 'Descripción del hito... y su plan de trabajo';
    const header = Object.keys(rows[0]!);
    const file = path.join(scratch.dir, 'hitos-con-texto.csv');
    fs.writeFileSync(file, [header.join(','), ...rows.map((r) => header.map((h) => `"${(r[h] ?? '').replace(/"/g, '""')}"`).join(','))].join('\n'));
    const summary = await importSpreadsheet(csvDb.db, file, MILESTONES_MAPPING, { dryRun: true });
    // Milestone 1 was the row below it: it now has this text.
    expect(summary.results.find((r) => r.rowNumber === 8)).toMatchObject({ outcome: 'updated', label: 'MX0085, milestone 1' });
    expect(summary.results.find((r) => r.rowNumber === 11)).toMatchObject({ label: 'MX0085, milestone 2' });
  });

  it('a dry run of changed milestones reports them and writes nothing', async () => {
    const rows: Record<string, string>[] = parse(fs.readFileSync(MILESTONES_CSV), { columns: true, bom: true });
    const withoutLast = rows.filter((r) => r.compromiso_id !== 'e7edffc2-f167-44f0-bf26-d23149ef55e2' || r.titulo !== 'Hito 5');
    withoutLast[0]!.fecha_final = '2020-04-30';
    const header = Object.keys(rows[0]!);
    const file = path.join(scratch.dir, 'hitos-changed.csv');
    fs.writeFileSync(file, [header.join(','), ...withoutLast.map((r) => header.map((h) => `"${(r[h] ?? '').replace(/"/g, '""')}"`).join(','))].join('\n'));
    const summary = await importSpreadsheet(csvDb.db, file, MILESTONES_MAPPING, { dryRun: true });
    expect(summary.written).toBe(false);
    expect(summary.counts.updated).toBeGreaterThanOrEqual(1);
    expect((await findCommitmentDetail(csvDb.db, 'MX0076', 'es'))!.milestones).toHaveLength(5);
  });
});

describe('import spreadsheet: link cells of a workbook', () => {
  const report = 'https://gob.example/informe-2020.pdf';

  /** A tracker that links each id to its OGP page, and its title and date to pages of its own. */
  async function linkedTracker(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Compromisos');
    sheet.addRows([['id', 'titulo', 'inicio', 'evidencia', 'contacto'], [], []]);
    const page = (id: string) => `https://www.opengovpartnership.org/members/mexico/commitments/${id}/`;
    sheet.getRow(2).values = [
      { text: 'MX0101', hyperlink: page('MX0101') }, { text: 'Datos abiertos', hyperlink: 'https://gob.example/datos' },
      { text: '2020-01-15', hyperlink: 'https://gob.example/calendario' }, { text: 'Informe 2020', hyperlink: report },
      { text: 'Escribanos', hyperlink: 'mailto:aga@gob.example?subject=AGA' },
    ];
    sheet.getRow(3).values = [
      { text: 'MX0102', hyperlink: page('MX0102') }, 'Contrataciones', '2020-02-01', { text: report, hyperlink: report },
      { text: 'Hoja de datos', hyperlink: '#Datos!A1' },
    ];
    const file = path.join(scratch.dir, 'linked-tracker.xlsx');
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('imports linked ids, titles and dates as their text, and keeps the addresses of the keepLinks columns', async () => {
    const mapping = {
      ...shipped(COMMITMENTS_MAPPING), id: { column: 'id' }, columns: { title: 'titulo', start: 'inicio' },
      fullText: [{ column: 'evidencia', heading: 'Evidencia' }, { column: 'contacto', heading: 'Contacto' }],
      keepLinks: ['evidencia', 'contacto'],
    };
    const summary = await importSpreadsheet(linksDb.db, await linkedTracker(), writeJson('linked.json', mapping), { dryRun: false });
    expect(summary.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    const first = await findCommitmentDetail(linksDb.db, 'MX0101', 'es');
    expect(first!.texts.es!.title).toBe('Datos abiertos');
    expect(first!.start).toMatchObject({ date: '2020-01-15', precision: 'day' });
    const fullTexts = await linksDb.db.selectFrom('commitment_texts as t').innerJoin('commitments as c', 'c.id', 't.commitment_id')
      .select(['c.ogp_id', 't.full_text']).orderBy('c.ogp_id').execute();
    expect(fullTexts).toEqual([
      // A mail link shows its address without "mailto:"; a text showing its address, or a link inside the workbook, is its text.
      { ogp_id: 'MX0101', full_text: `Evidencia:\nInforme 2020 (${report})\n\nContacto:\nEscribanos (aga@gob.example)` },
      { ogp_id: 'MX0102', full_text: `Evidencia:\n${report}\n\nContacto:\nHoja de datos` },
    ]);
  });
});

describe('import spreadsheet: bad mappings and sheets', () => {
  it('names the field of a mapping that is wrong', async () => {
    const noTitle = shipped(COMMITMENTS_MAPPING);
    noTitle.columns = { description: 'descripcion' };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('no-title.json', noTitle), { dryRun: true }))
      .rejects.toThrow(/no-title\.json: columns\.title: /);
    const badId = { ...shipped(COMMITMENTS_MAPPING), id: { column: 'compromiso_id', map: { x: 'not an id' } } };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('bad-id.json', badId), { dryRun: true }))
      .rejects.toThrow(/id\.map\.x: an OGP commitment id such as KE0031/);
    const badKind = { ...shipped(COMMITMENTS_MAPPING), kind: 'activities' };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('bad-kind.json', badKind), { dryRun: true }))
      .rejects.toThrow(/bad-kind\.json: kind: /);
    const badPlan = { ...shipped(COMMITMENTS_MAPPING), actionPlan: { number: 4, submissionYear: 2019, startYear: 2019, endYear: 2030 } };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('bad-plan.json', badPlan), { dryRun: true }))
      .rejects.toThrow(/actionPlan\.endYear: an action plan lasts 1 to 4 years/);
    const unreadLink = { ...shipped(COMMITMENTS_MAPPING), keepLinks: ['descripcion', 'evidencia'] };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('unread-link.json', unreadLink), { dryRun: true }))
      .rejects.toThrow(/unread-link\.json: keepLinks\.1: "evidencia" is not a column this mapping reads$/);
    const blankLink = { ...shipped(COMMITMENTS_MAPPING), keepLinks: [' '] };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('blank-link.json', blankLink), { dryRun: true }))
      .rejects.toThrow(/blank-link\.json: keepLinks\.0: a column name/);
    const blankPlaceholder = { ...shipped(MILESTONES_MAPPING), placeholders: ['Descripción del hito...', '  '] };
    await expect(importSpreadsheet(csvDb.db, MILESTONES_CSV, writeJson('blank-placeholder.json', blankPlaceholder), { dryRun: true }))
      .rejects.toThrow(/blank-placeholder\.json: placeholders\.1: a placeholder text/);
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('broken.json', '{ "kind": '), { dryRun: true }))
      .rejects.toThrow(MappingError);
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('broken.json', '{ "kind": '), { dryRun: true }))
      .rejects.toThrow(/broken\.json: not valid JSON/);
  });

  it('refuses a sheet without a column the mapping names', async () => {
    const renamed = { ...shipped(COMMITMENTS_MAPPING), columns: { title: 'title' } };
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('renamed.json', renamed), { dryRun: true }))
      .rejects.toThrow(TableFileError);
    await expect(importSpreadsheet(csvDb.db, COMMITMENTS_CSV, writeJson('renamed.json', renamed), { dryRun: true }))
      .rejects.toThrow(/missing column "title"/);
  });

  it('rejects a row whose id the map does not know, with its row number', async () => {
    const partial = shipped(COMMITMENTS_MAPPING) as { id: { map: Record<string, string> } };
    delete partial.id.map['646dbfb1-4116-4841-acea-86e1f81a8719'];
    const summary = await importSpreadsheet(xlsxDb.db, COMMITMENTS_CSV, writeJson('partial.json', partial), { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.results.filter((r) => r.outcome === 'rejected')).toEqual([{
      rowNumber: 14, label: '(no id)', outcome: 'rejected',
      reason: 'column "compromiso_id": "646dbfb1-4116-4841-acea-86e1f81a8719" is not in the mapping\'s "map" of ids',
    }]);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMappedDate } from '../spreadsheet/read-mapped-date.ts';
import { readXlsx } from './read-xlsx.ts';

async function workbookOf(rows: unknown[][], format?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('s');
  sheet.addRows(rows);
  format?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('readXlsx: the width of the table', () => {
  it('ignores empty header cells past the last name, even formatted, and empty columns past the header', async () => {
    const file = await workbookOf([HEADER, ['1', '2', '3', '4', '5', '6', '7', '8']], (sheet) => {
      for (const address of ['I1', 'J1', 'K1', 'L2']) sheet.getCell(address).font = { bold: true };
    });
    const table = await readXlsx(file);
    expect(table.columns).toEqual(HEADER);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: Object.fromEntries(HEADER.map((h, i) => [h, String(i + 1)])), warnings: [] }]);
  });

  it('still refuses an empty header cell between named ones, and a value under no header', async () => {
    await expect(readXlsx(await workbookOf([['a', null, 'c'], ['1', '2', '3']]))).rejects.toThrow('the header has no name for column 2');
    await expect(readXlsx(await workbookOf([['a', 'b'], ['1', '2'], ['1', '2', null, 'note']])))
      .rejects.toThrow('row 3 has a value in column 4, which the header does not name');
  });
});

describe('readXlsx: link cells', () => {
  it('reads a link cell as its text, formatted or not, and reports its address by column', async () => {
    const page = 'https://www.opengovpartnership.org/members/kenya/commitments/KE0031/';
    const report = 'https://gob.example/informe-2020.pdf';
    const file = await workbookOf([['id', 'evidence'], ['1'], ['2'], ['3']], (sheet) => {
      sheet.getCell('A2').value = { text: 'KE0031', hyperlink: page };
      sheet.getCell('B2').value = { text: 'Informe 2020', hyperlink: report };
      sheet.getCell('B3').value = { text: { richText: [{ text: 'Informe ' }, { font: { bold: true }, text: 'final' }] }, hyperlink: report } as unknown as ExcelJS.CellValue;
      sheet.getCell('B4').value = { text: 'Escribanos', hyperlink: 'mailto:aga@gob.example' };
    });
    const table = await readXlsx(file);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { id: 'KE0031', evidence: 'Informe 2020' }, warnings: [], links: { id: page, evidence: report } },
      { rowNumber: 3, cells: { id: '2', evidence: 'Informe final' }, warnings: [], links: { evidence: report } },
      { rowNumber: 4, cells: { id: '3', evidence: 'Escribanos' }, warnings: [], links: { evidence: 'mailto:aga@gob.example' } },
    ]);
  });

  it('gives no links for a row without link cells', async () => {
    const table = await readXlsx(await workbookOf([['id', 'evidence'], ['1', 'Informe 2020']]));
    expect(table.rows[0]).not.toHaveProperty('links');
  });
});

describe('readXlsx: line breaks inside cells', () => {
  it('reads CRLF and lone CR as LF', async () => {
    const table = await readXlsx(await workbookOf([['id', 'text'], ['1', 'two\r\nlines'], ['2', 'two\rlines'], ['3', 'two\nlines']]));
    expect(table.rows.map((r) => r.cells.text)).toEqual(['two\nlines', 'two\nlines', 'two\nlines']);
    expect(table.rows.every((r) => r.warnings.length === 0)).toBe(true);
  });
});

describe('date cells of a workbook, read by a mapped date column', () => {
  it('a real date cell is its date whatever text format the mapping declares; a date-time cell its UTC day', async () => {
    const file = await workbookOf([
      ['id', 'due'],
      ['1', new Date(Date.UTC(2023, 0, 1))],
      ['2', new Date(Date.UTC(2023, 2, 1, 12, 30))],
      ['3', 45000],
      ['4', 45000.5],
      ['5', 2023],
      ['6', 12345],
    ], (sheet) => { sheet.getCell('B2').numFmt = 'dd/mm/yyyy'; sheet.getCell('B3').numFmt = 'dd/mm/yyyy hh:mm'; });
    const cells = (await readXlsx(file)).rows.map((r) => r.cells.due!);
    expect(cells.slice(0, 2)).toEqual(['2023-01-01', '2023-03-01T12:30:00.000Z']);
    for (const format of ['day-month-year', 'month-day-year', 'iso', 'text'] as const) {
      expect(cells.map((cell) => readMappedDate(cell, format)), format).toEqual([
        { date: '2023-01-01', precision: 'day', raw: '2023-01-01' },
        { date: '2023-03-01', precision: 'day', raw: '2023-03-01T12:30:00.000Z' },
        { date: '2023-03-15', precision: 'day', raw: '45000' },
        { raw: '45000.5' },
        format === 'text' ? { date: '2023-01-01', precision: 'year', raw: '2023' } : { raw: '2023' },
        { raw: '12345' },
      ]);
    }
  });

  it("a year formatted as a date (Excel's 1905) is a date cell outside the years read", async () => {
    const file = await workbookOf([['id', 'due'], ['1', 2023]], (sheet) => { sheet.getCell('B2').numFmt = 'dd/mm/yyyy'; });
    const [cell] = (await readXlsx(file)).rows.map((r) => r.cells.due!);
    expect(readMappedDate(cell!, 'day-month-year')).toEqual({ raw: '1905-07-15' });
  });

  it('text dates still read only in the declared format, and an impossible ISO date is not read', () => {
    expect(readMappedDate('01/02/2023', 'day-month-year')).toEqual({ date: '2023-02-01', precision: 'day', raw: '01/02/2023' });
    expect(readMappedDate('01/02/2023', 'iso')).toEqual({ raw: '01/02/2023' });
    expect(readMappedDate('2023-02', 'iso')).toEqual({ date: '2023-02-01', precision: 'month', raw: '2023-02' });
    expect(readMappedDate('2023-02-30', 'day-month-year')).toEqual({ raw: '2023-02-30' });
    expect(readMappedDate('2023-02-01T10:00:00+02:00', 'iso')).toEqual({ raw: '2023-02-01T10:00:00+02:00' });
  });
});

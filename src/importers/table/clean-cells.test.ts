import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

const WARNING = /^column "title": control characters or noncharacters that text cannot hold were removed/;

describe('table readers clean their cells (cleanText), with a warning on the row', () => {
  it('CSV: a vertical tab becomes a line break, U+FFFE and a bell are dropped', () => {
    const table = readCsv(Buffer.from('id,title\nKE0031,"Udhibiti\u000Bwa\uFFFE data\u0007"\nKE0032,clean\n', 'utf8'));
    expect(table.rows[0]!.cells).toEqual({ id: 'KE0031', title: 'Udhibiti\nwa data' });
    expect(table.rows[0]!.warnings).toHaveLength(1);
    expect(table.rows[0]!.warnings[0]).toMatch(WARNING);
    expect(table.rows[1]!.warnings).toEqual([]);
  });

  it('XLSX: Excel writes a vertical tab as _x000B_, which ExcelJS reads back as the character', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('s').addRows([['id', 'title'], ['KE0031', 'Udhibiti_x000B_wa_xFFFE_ data'], ['KE0032', 'clean']]);
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.rows.map((r) => r.cells.title)).toEqual(['Udhibiti\nwa data', 'clean']);
    expect(table.rows[0]!.warnings[0]).toMatch(WARNING);
    expect(table.rows[1]!.warnings).toEqual([]);
  });

  it('cleans header names too', () => {
    expect(readCsv('id,ti\u0007tle\nKE0031,a\n').columns).toEqual(['id', 'title']);
  });
});

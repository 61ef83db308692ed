import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import { TableFileError } from './table.ts';

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them, with line breaks inside quoted cells', () => {
    const table = readCsv('\ufeffid,text\nKE0031,"two\nlines"\n\nKE0032,one\n');
    expect(table.columns).toEqual(['id', 'text']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { id: 'KE0031', text: 'two\nlines' }, warnings: [] },
      { rowNumber: 3, cells: { id: 'KE0032', text: 'one' }, warnings: [] },
    ]);
  });

  it('keeps a stray quote inside an unquoted cell as written, and reads CRLF line ends', () => {
    expect(readCsv('id,text\r\nKE0031,5" screen\r\n').rows).toEqual([{ rowNumber: 2, cells: { id: 'KE0031', text: '5" screen' }, warnings: [] }]);
  });

  it('refuses a file it cannot read as a table, saying where', () => {
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow(TableFileError);
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow('row 2 has 3 cells where the header names 2 columns');
    expect(() => readCsv('id,text\nKE0031,a\nKE0032\n')).toThrow('row 3 has 1 cell where the header names 2 columns');
    expect(() => readCsv('id,text\nKE0031,a\nKE0032,"open\n')).toThrow('not a readable CSV file: row 3: Quoted field unterminated');
    expect(() => readCsv('id,id\n1,2\n')).toThrow('the header names column "id" twice');
    expect(() => readCsv('')).toThrow('the file is empty: no header row');
  });

  it('reads UTF-8 bytes, and refuses another encoding rather than import its accents as U+FFFD', () => {
    expect(readCsv(Buffer.from('\ufeffid,member\nMX0001,México\n', 'utf8')).rows).toEqual([{ rowNumber: 2, cells: { id: 'MX0001', member: 'México' }, warnings: [] }]);
    // Excel's "CSV" on Windows: é is the single byte 0xE9.
    const windows1252 = Buffer.from('id,member\nMX0001,M\xe9xico\n', 'latin1');
    expect(() => readCsv(windows1252)).toThrow(TableFileError);
    expect(() => readCsv(windows1252)).toThrow('not UTF-8 text (line 2): save the file as "CSV UTF-8" (Excel)');
  });
});

import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import { TableFileError } from './table.ts';

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them: a record with line breaks inside quotes is one row, an empty line is a row', () => {
    const table = readCsv('\ufeffid,text\nKE0031,"two\nlines"\n\nKE0032,one\n');
    expect(table.columns).toEqual(['id', 'text']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { id: 'KE0031', text: 'two\nlines' }, warnings: [] },
      { rowNumber: 4, cells: { id: 'KE0032', text: 'one' }, warnings: [] },
    ]);
  });

  it('names the row a spreadsheet shows for a bad row after empty lines and multi-line cells', () => {
    expect(() => readCsv('id,text\nKE0031,a\nKE0032,b\n\nKE0033,c\nKE0034\n')).toThrow('row 6 has 1 cell where');
    expect(() => readCsv('id,text\r\nKE0031,"three\r\nline\r\ncell"\r\n\r\nKE0032,a,b\r\n')).toThrow('row 4 has 3 cells where');
    expect(() => readCsv('id,text\nKE0031,a\n\nKE0032,"open\n')).toThrow('not a readable CSV file: row 4: Quoted field unterminated');
  });

  it('reads a file separated by semicolons (Excel and LibreOffice in French) or tabs, as its header line is', () => {
    const expected = [{ rowNumber: 2, cells: { id: 'FR0001', text: 'Ouvrir, publier; partager' }, warnings: [] }];
    expect(readCsv('id;text\nFR0001;"Ouvrir, publier; partager"\n').rows).toEqual(expected);
    expect(readCsv('"id;";text\nFR0001;"Ouvrir, publier; partager"\n').columns).toEqual(['id;', 'text']);
    expect(readCsv('id\ttext\nFR0001\tOuvrir, publier; partager\n').rows).toEqual(expected);
    expect(readCsv('id\nFR0001\n').rows).toEqual([{ rowNumber: 2, cells: { id: 'FR0001' }, warnings: [] }]);
  });

  it('reads line breaks inside cells as LF, whatever the file wrote', () => {
    const lf = readCsv('id,text\nKE0031,"two\nlines"\n').rows;
    expect(readCsv('id,text\r\nKE0031,"two\r\nlines"\r\n').rows).toEqual(lf);
    expect(readCsv('id,text\rKE0031,"two\rlines"\r').rows).toEqual(lf);
  });

  it('keeps a stray quote inside an unquoted cell as written, and reads CRLF line ends', () => {
    expect(readCsv('id,text\r\nKE0031,5" screen\r\n').rows).toEqual([{ rowNumber: 2, cells: { id: 'KE0031', text: '5" screen' }, warnings: [] }]);
  });

  it('refuses a file it cannot read as a table, saying where', () => {
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow(TableFileError);
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow('row 2 has 3 cells where the header names 2 columns');
    expect(() => readCsv('id,text\nKE0031,a\nKE0032\n')).toThrow('row 3 has 1 cell where the header names 2 columns');
    expect(() => readCsv('id\nKE0031,a\n')).toThrow('row 2 has 2 cells where the header names 1 column');
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

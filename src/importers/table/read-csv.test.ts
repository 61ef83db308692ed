import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import { TableFileError } from './table.ts';

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them, with line breaks inside quoted cells', () => {
    const table = readCsv('\ufeffid,text\nKE0031,"two\nlines"\n\nKE0032,one\n');
    expect(table.columns).toEqual(['id', 'text']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { id: 'KE0031', text: 'two\nlines' } },
      { rowNumber: 3, cells: { id: 'KE0032', text: 'one' } },
    ]);
  });

  it('refuses a file it cannot read as a table, saying where', () => {
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow(TableFileError);
    expect(() => readCsv('id,text\nKE0031,a,b\n')).toThrow(/line 2/);
    expect(() => readCsv('id,id\n1,2\n')).toThrow('the header names column "id" twice');
    expect(() => readCsv('')).toThrow('the file is empty: no header row');
  });
});

import { describe, expect, it } from 'vitest';
import type { TableRow } from '../table/table.ts';
import { keepLinks } from './keep-links.ts';

const rowOf = (cells: Record<string, string>, links?: Record<string, string>): TableRow => ({ rowNumber: 2, cells, warnings: [], ...(links ? { links } : {}) });

describe('keepLinks', () => {
  it('appends the address of the named columns only', () => {
    const row = rowOf({ id: 'KE0031', evidence: 'Informe' }, { id: 'https://ogp.example/KE0031', evidence: 'https://gob.example/informe.pdf' });
    expect(keepLinks(row, ['evidence']).cells).toEqual({ id: 'KE0031', evidence: 'Informe (https://gob.example/informe.pdf)' });
  });

  it('shows a mail address without "mailto:" or its subject', () => {
    expect(keepLinks(rowOf({ contact: 'Escribanos' }, { contact: 'MAILTO:aga@gob.example?subject=AGA' }), ['contact']).cells.contact)
      .toBe('Escribanos (aga@gob.example)');
    expect(keepLinks(rowOf({ contact: 'aga@gob.example' }, { contact: 'mailto:aga@gob.example' }), ['contact']).cells.contact).toBe('aga@gob.example');
  });

  it('leaves a link inside the workbook or to a file, an empty cell, and a row without links as they are', () => {
    expect(keepLinks(rowOf({ evidence: 'Datos' }, { evidence: '#Datos!A1' }), ['evidence']).cells.evidence).toBe('Datos');
    expect(keepLinks(rowOf({ evidence: 'Acta' }, { evidence: 'file:///C:/Users/aga/acta.pdf' }), ['evidence']).cells.evidence).toBe('Acta');
    expect(keepLinks(rowOf({ evidence: '' }, { evidence: 'https://gob.example/x' }), ['evidence']).cells.evidence).toBe('');
    const plain = rowOf({ evidence: 'Informe' });
    expect(keepLinks(plain, ['evidence'])).toBe(plain);
  });
});

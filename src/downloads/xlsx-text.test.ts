import { describe, expect, it } from 'vitest';
import { XLSX_CELL_LIMIT, XLSX_CUT_MARKER, xlsxText } from './xlsx-stream.ts';

describe('xlsxText', () => {
  it('leaves a text of the limit whole, and cuts a longer one to the limit with the marker', () => {
    const full = 'a'.repeat(XLSX_CELL_LIMIT);
    expect(xlsxText(full)).toBe(full);
    const cut = xlsxText(`${full}b`);
    expect(cut).toHaveLength(XLSX_CELL_LIMIT);
    expect(cut).toBe('a'.repeat(XLSX_CELL_LIMIT - XLSX_CUT_MARKER.length) + XLSX_CUT_MARKER);
  });

  it('never cuts an emoji in two', () => {
    const before = 'a'.repeat(XLSX_CELL_LIMIT - XLSX_CUT_MARKER.length - 1);
    const cut = xlsxText(`${before}😀${'b'.repeat(XLSX_CUT_MARKER.length + 100)}`);
    expect(cut).toBe(before + XLSX_CUT_MARKER);
  });

  it('cleans before it counts', () => {
    expect(xlsxText('a\u000Bb\uFFFE')).toBe('a\nb');
    expect(xlsxText('\u0007'.repeat(XLSX_CELL_LIMIT + 1))).toBe('');
  });
});

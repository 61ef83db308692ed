import { describe, expect, it } from 'vitest';
import { byCell } from './by-cell.ts';

describe('byCell', () => {
  it('reads each distinct cell once, and a refused cell every time', () => {
    const read: string[] = [];
    const upper = byCell((cell) => {
      read.push(cell);
      if (cell === '') throw new Error('empty');
      return cell.toUpperCase();
    });
    expect(['a', 'b', 'a', 'a'].map(upper)).toEqual(['A', 'B', 'A', 'A']);
    expect(() => upper('')).toThrow('empty');
    expect(() => upper('')).toThrow('empty');
    expect(read).toEqual(['a', 'b', '', '']);
  });

  it('forgets what it read past its limit', () => {
    let reads = 0;
    const length = byCell((cell) => { reads += 1; return cell.length; }, 2);
    ['a', 'bb', 'ccc', 'a'].forEach(length);
    expect(reads).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { readPageText } from './page-text.ts';

describe('readPageText', () => {
  it('cleans control characters and noncharacters: a vertical tab or form feed becomes a line break', () => {
    const page = readPageText('Commitment\u000BTitle: Udhibiti\uFFFE wa data\u0007\r\nStatus:\u000CComplete');
    expect(page.text).toBe('Commitment\nTitle: Udhibiti wa data\nStatus:\nComplete');
    expect(page.lines.map((line) => line.text)).toEqual(['Commitment', 'Title: Udhibiti wa data', 'Status:', 'Complete']);
    expect(page.lines[1]!.folded).toBe('title: udhibiti wa data');
  });
});

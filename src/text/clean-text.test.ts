import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.ts';

describe('cleanText', () => {
  it('makes line-like controls line breaks, the unit separator a space, and drops other controls', () => {
    expect(cleanText('Udhibiti\u000Bwa')).toBe('Udhibiti\nwa');
    expect(cleanText('page\u000Cone\u001Ctwo\u001Dthree\u001Efour\u0085five')).toBe('page\none\ntwo\nthree\nfour\nfive');
    expect(cleanText('a\u001Fb')).toBe('a b');
    expect(cleanText('nul\u0000 bell\u0007 esc\u001B del\u007F c1\u0080\u009F')).toBe('nul bell esc del c1');
  });

  it('drops noncharacters and lone surrogates, keeping pairs (emoji, astral scripts)', () => {
    expect(cleanText('a\uFFFEb\uFFFFc\uFDD0d\u{1FFFE}e\u{10FFFF}f')).toBe('abcdef');
    expect(cleanText('lone\uD800 end\uDC00 ok\uD83D\uDE00 𐌰')).toBe('lone end ok\uD83D\uDE00 𐌰');
  });

  it('keeps tab and line breaks, and returns the same string when there is nothing to clean', () => {
    const text = 'tab\there\r\nline é 中文 \u2028 \u200B';
    expect(cleanText(text)).toBe(text);
  });
});

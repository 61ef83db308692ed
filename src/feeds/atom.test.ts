import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtom, xml } from './atom.ts';

describe('renderAtom', () => {
  const feed = (title: string) => renderAtom({
    id: 'http://example.org/en/feeds/commitments.atom?a=1&b=2', lang: 'en', title, subtitle: 's',
    selfLink: 'http://example.org/en/feeds/commitments.atom?a=1&b=2', alternateLink: 'http://example.org/en/commitments',
    authorName: 'Ahadi', authorUri: 'http://example.org/', rights: 'CC BY 4.0', updated: new Date('2026-01-02T03:04:05Z'),
    entries: [{
      id: 'http://example.org/en/commitments/KE0031', title, titleLang: 'en', link: 'http://example.org/en/commitments/KE0031',
      published: new Date('2025-01-01T00:00:00Z'), updated: new Date('2026-01-02T03:04:05Z'), summary: title,
      categories: [{ term: 'a"b', label: '<c>' }],
    }],
  });

  it('escapes markup, quotes and ampersands in text and attributes', () => {
    const out = feed('</title><script>alert("x")</script> & \'q\' ]]>');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('<script>');
    expect(out).toContain('href="http://example.org/en/feeds/commitments.atom?a=1&amp;b=2"');
    const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '' }).parse(out);
    expect(parsed.feed.entry.title['#text']).toBe('</title><script>alert("x")</script> & \'q\' ]]>');
    expect(parsed.feed.entry.category).toEqual({ term: 'a"b', label: '<c>' });
  });

  it('cleans out characters XML cannot carry (cleanText), so a control character in a title cannot break the feed', () => {
    const out = feed('bell\u0007 null\u0000 lone\uD800 ok\uD83D\uDE00');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toMatch(/[\u0000-\u0008]/);
    expect(xml('a\u0007b\u000Bc\uFFFE\uD83D\uDE00')).toBe('ab\nc\uD83D\uDE00');
  });
});

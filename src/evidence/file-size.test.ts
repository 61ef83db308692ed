import { describe, expect, it } from 'vitest';
import { intlFor } from '../i18n/intl.ts';
import { formatFileSize } from './file-size.ts';

describe('formatFileSize', () => {
  it('says a size in the page language, bytes in full words (it said "45 byte" on every page)', () => {
    const sizes = [1, 45, 1023, 1536, 1_572_864, 20 * 1024 ** 2];
    const inEach = (locale: 'en' | 'fr' | 'es' | 'sw') => sizes.map((bytes) => formatFileSize(intlFor(locale), bytes).replace(/\s/g, ' '));
    expect(inEach('en')).toEqual(['1 byte', '45 bytes', '1,023 bytes', '1.5 kB', '1.5 MB', '20 MB']);
    expect(inEach('fr')).toEqual(['1 octet', '45 octets', '1 023 octets', '1,5 ko', '1,5 Mo', '20 Mo']);
    expect(inEach('es')).toEqual(['1 byte', '45 bytes', '1023 bytes', '1,5 kB', '1,5 MB', '20 MB']);
    expect(inEach('sw')).toEqual(['baiti 1', 'baiti 45', 'baiti 1,023', 'kilobaiti 1.5', 'MB 1.5', 'MB 20']);
  });
});

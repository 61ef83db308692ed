import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.ts';
import { etagMatches, weakEtag } from './etag.ts';

const Key = z.tuple([z.number().nullable(), z.string()]);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('cursor codec', () => {
  it('round-trips a keyset position as opaque base64url', () => {
    const fingerprint = queryFingerprint({ member: ['kenya'], sort: 'newest', limit: 5 });
    const cursor = encodeCursor(fingerprint, [0.0607927, 'KE0031']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, fingerprint, Key)).toEqual([0.0607927, 'KE0031']);
  });

  it('binds a cursor to its filters, not to the page size, language or order of repeated values', () => {
    expect(queryFingerprint({ member: ['a', 'b'], limit: 1, locale: 'fr', cursor: 'x' }))
      .toBe(queryFingerprint({ member: ['b', 'a'], limit: 50 }));
    expect(queryFingerprint({ member: ['a'] })).not.toBe(queryFingerprint({ member: ['a'], sort: 'id' }));
    const cursor = encodeCursor(queryFingerprint({ member: ['a'] }), [2020, 'KE0031']);
    const error = errorOf(() => decodeCursor(cursor, queryFingerprint({ member: ['b'] }), Key));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    expect(error.message).toMatch(/other filters/);
  });

  it('answers a forged or foreign cursor with invalid_input naming cursor', () => {
    const fingerprint = queryFingerprint({});
    for (const forged of ['abc', Buffer.from('{"q":1}').toString('base64url'), encodeCursor(fingerprint, ['KE0031', 'x'])]) {
      expect(errorOf(() => decodeCursor(forged, fingerprint, Key))).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    }
  });
});

describe('weak ETags', () => {
  it('are stable for a body and compared weakly', () => {
    const tag = weakEtag('{"a":1}');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(weakEtag('{"a":1}')).toBe(tag);
    expect(weakEtag('{"a":2}')).not.toBe(tag);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(tag.slice(2), tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches('"other"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
  });
});

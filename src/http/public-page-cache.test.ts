import { describe, expect, it } from 'vitest';
import { createKeptParts } from './public-page-cache.ts';

// Decision 020: parts that several pages share, kept by name; the pages that use them are tested in
// src/commitments/commitment-list-kept-counts.routes.test.ts.
describe('kept parts', () => {
  it('give a part being made to whoever asks for the same name, then keep it', async () => {
    const parts = createKeptParts<{ total: number }>(1024);
    expect(parts.get('a @1')).toBeUndefined();
    let finish!: (part: { total: number }) => void;
    parts.making('a @1', new Promise((resolve) => { finish = resolve; }));
    const waiting = parts.get('a @1');
    expect(waiting).toBeDefined();
    expect(parts.get('a @2')).toBeUndefined();
    finish({ total: 7 });
    expect(await waiting).toEqual({ total: 7 });
    expect(await parts.get('a @1')).toEqual({ total: 7 });
  });

  it('make a part once for a name, however many ask for it at once', async () => {
    const parts = createKeptParts<{ total: number }>(1024);
    let made = 0;
    const make = async () => { made += 1; return { total: made }; };
    const [first, second] = await Promise.all([parts.getOrMake('a @1', make), parts.getOrMake('a @1', make)]);
    expect([first, second, made]).toEqual([{ total: 1 }, { total: 1 }, 1]);
    expect(await parts.getOrMake('a @1', make)).toEqual({ total: 1 });
    expect(await parts.getOrMake('a @2', make)).toEqual({ total: 2 });
  });

  it('do not keep a part that failed: the next request makes it again', async () => {
    const parts = createKeptParts<{ total: number }>(1024);
    const failed = Promise.reject(new Error('statement timeout'));
    parts.making('a @1', failed);
    await expect(parts.get('a @1')).rejects.toThrow('statement timeout');
    await new Promise((resolve) => setImmediate(resolve));
    expect(parts.get('a @1')).toBeUndefined();
  });

  it('keep parts up to their size in JSON, the least recently used leaving first', async () => {
    const parts = createKeptParts<{ text: string }>(100);
    for (const name of ['a', 'b', 'c']) {
      parts.making(name, Promise.resolve({ text: name.repeat(30) }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(parts.get('a')).toBeUndefined();
    expect(await parts.get('b')).toEqual({ text: 'b'.repeat(30) });
    expect(await parts.get('c')).toEqual({ text: 'c'.repeat(30) });
  });
});

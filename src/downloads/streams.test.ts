import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvStream, unguardFormula, type Cell } from './csv-stream.ts';
import { xlsxStream } from './xlsx-stream.ts';
import { jsonStream } from './json-stream.ts';

/**
 * The writers are paced by their reader: with a reader that stops reading, they stop pulling rows (from the
 * database, in the app) after a buffer's worth, so a long list is never held in memory however slow the client.
 */
describe('download streams', () => {
  const header = ['a', 'b', 'c', 'd'];
  const make: Record<string, (rows: AsyncIterable<Cell[]>) => Readable> = {
    csv: (rows) => csvStream(header, rows),
    xlsx: (rows) => xlsxStream('s', header.map((h) => ({ header: h, width: 10 })), rows),
    json: (rows) => jsonStream({}, 'rows', rows),
  };

  // A chunk per row made the open-data zip deflate each row as its own job: 209 s for the bench set, 20 s batched.
  for (const format of ['csv', 'json']) {
    it(`${format} writes its rows a batch at a time, and every row`, async () => {
      const rows = Array.from({ length: 10_000 }, (_, i): Cell[] => [`KE${i}`, 'A title', i, null]);
      const chunks: string[] = [];
      for await (const chunk of make[format]!((async function* () { yield* rows; })())) chunks.push(String(chunk));
      expect(chunks.length).toBeLessThan(100);
      const text = chunks.join('');
      expect(text).toContain('KE0');
      expect(text).toContain('KE9999');
      expect(text.match(/KE\d+/g)).toHaveLength(10_000);
    });
  }

  for (const [format, stream] of Object.entries(make)) {
    it(`${format} stops pulling rows while its reader waits`, async () => {
      let pulled = 0;
      async function* rows(): AsyncGenerator<Cell[]> {
        for (let i = 0; i < 100_000; i++) {
          pulled += 1;
          if (i % 500 === 0) await sleep(0);
          yield [`KE${i}`, 'A title as long as a real one, with a comma', 2020, 'one\ntwo'];
        }
      }
      const out = stream(rows());
      out.pipe(new PassThrough({ highWaterMark: 16 * 1024 })); // read 16 kB, then never again
      await sleep(1500);
      expect(pulled).toBeGreaterThan(0);
      expect(pulled).toBeLessThan(20_000);
      out.destroy();
    });
  }
});

describe('the CSV guard for spreadsheets', () => {
  const guarded = async (cells: Cell[]) => {
    let text = '';
    for await (const chunk of csvStream(cells.map((_, i) => `c${i}`), [cells], { guardFormulas: true })) text += String(chunk);
    return (parse(text, { bom: true }) as string[][])[1]!;
  };

  it('puts a "\'" before texts a spreadsheet would run or read as a number or date, and only those', async () => {
    const texts = ['=1+1', '-3', '1.2', '1.10', '12', '1,5', '1/2', '10:30', '2019-07', '1E3', '50%', "'1.2",
      '3a', 'III.4', 'KE0031', '1.2 bis', '2026-11-28T01:02:03.000Z', 'a'];
    const cells = await guarded(texts);
    expect(cells.filter((c) => c.startsWith("'")).map(unguardFormula))
      .toEqual(['=1+1', '-3', '1.2', '1.10', '12', '1,5', '1/2', '10:30', '2019-07', '1E3', '50%', "'1.2"]);
    expect(cells.map(unguardFormula)).toEqual(texts);
  });

  it('leaves numbers as numbers', async () => {
    expect(await guarded([12, 2019, null])).toEqual(['12', '2019', '']);
  });
});

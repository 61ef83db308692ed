import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { csvStream, type Cell } from './csv-stream.ts';
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

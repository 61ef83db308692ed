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

import { Readable } from 'node:stream';
import { inBatches, ROWS_PER_CHUNK } from './in-batches.ts';

/**
 * `{...head, "<listKey>": [row, row, ...]}` as a byte stream, `ROWS_PER_CHUNK` rows a chunk: a long list is never
 * built in memory, and the document is still one JSON value that any parser reads.
 */
export function jsonStream(head: Record<string, unknown>, listKey: string, rows: AsyncIterable<unknown>): Readable {
  async function* chunks() {
    const opening = JSON.stringify({ ...head, [listKey]: [] });
    yield `${opening.slice(0, -2)}\n`;
    let first = true;
    for await (const batch of inBatches(rows, ROWS_PER_CHUNK)) {
      yield `${first ? '' : ',\n'}${batch.map((row) => JSON.stringify(row)).join(',\n')}`;
      first = false;
    }
    yield '\n]}\n';
  }
  return Readable.from(chunks(), { objectMode: false });
}

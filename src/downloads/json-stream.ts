import { Readable } from 'node:stream';

/**
 * `{...head, "<listKey>": [row, row, ...]}` as a byte stream, one row serialized at a time: a long list is never
 * built in memory, and the document is still one JSON value that any parser reads.
 */
export function jsonStream(head: Record<string, unknown>, listKey: string, rows: AsyncIterable<unknown>): Readable {
  async function* chunks() {
    const opening = JSON.stringify({ ...head, [listKey]: [] });
    yield `${opening.slice(0, -2)}\n`;
    let first = true;
    for await (const row of rows) {
      yield `${first ? '' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    yield '\n]}\n';
  }
  return Readable.from(chunks());
}

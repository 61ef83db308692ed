/**
 * The items of `items` in arrays of `size` (the last one shorter), pulled only as the batches are asked for.
 * The download writers turn a batch of rows into one chunk of text: a chunk per row made a zip entry or a response
 * of a million rows a million writes, each with its own compression job or system call (decision 009, amended).
 */
export async function* inBatches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Rows per chunk of a download: tens of kilobytes of text. */
export const ROWS_PER_CHUNK = 256;

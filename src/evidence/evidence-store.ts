import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * The content-addressed store of evidence files (decision 014): `<evidenceDir>/<first two hex digits>/<sha256>`.
 * A file is streamed to `<evidenceDir>/tmp/<random>` while it is hashed, then renamed into place, so a reader never
 * sees half a file and the same content uploaded twice is one file.
 */
export const storedPath = (evidenceDir: string, sha256: string): string => path.join(evidenceDir, sha256.slice(0, 2), sha256);
export const tmpFolder = (evidenceDir: string): string => path.join(evidenceDir, 'tmp');

/** A stream written to a temporary file, with what its content told on the way. */
export type Received = {
  tmpPath: string;
  sha256: string;
  sizeBytes: number;
  /** More bytes came than `maxBytes` allows: the temporary file holds only the start. */
  tooLarge: boolean;
  /** Valid UTF-8 without NUL bytes (a text or CSV file when no binary format is found). */
  text: boolean;
  /** The first bytes, for sniffing markup in text. */
  head: Buffer;
};

const HEAD_BYTES = 512;

/** Writes the whole stream to a temporary file, hashing and checking as it goes; stops writing past `maxBytes`. */
export async function receive(stream: Readable, evidenceDir: string, maxBytes: number): Promise<Received> {
  await mkdir(tmpFolder(evidenceDir), { recursive: true });
  const tmpPath = path.join(tmpFolder(evidenceDir), randomUUID());
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const handle = await open(tmpPath, 'wx', 0o640);
  let sizeBytes = 0;
  let tooLarge = false;
  let text = true;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      sizeBytes += chunk.length;
      if (tooLarge || sizeBytes > maxBytes) {
        tooLarge = true;
        continue; // keep draining so the rest of the form can still be read
      }
      hash.update(chunk);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      if (text) text = isTextChunk(decoder, chunk, false);
      await handle.write(chunk);
    }
    if (text && !tooLarge) text = isTextChunk(decoder, Buffer.alloc(0), true);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmpPath, { force: true }); // the upload broke off: nothing of it is kept
    throw error;
  }
  await handle.close();
  return { tmpPath, sha256: hash.digest('hex'), sizeBytes, tooLarge, text, head };
}

function isTextChunk(decoder: TextDecoder, chunk: Buffer, last: boolean): boolean {
  if (chunk.includes(0)) return false;
  try {
    decoder.decode(chunk, { stream: !last });
    return true;
  } catch {
    return false;
  }
}

/** Moves a received file (in `<evidenceDir>/tmp`) into its place in the store, replacing an identical one (harmless). */
export async function keep(tmpPath: string, sha256: string): Promise<void> {
  const target = storedPath(path.dirname(path.dirname(tmpPath)), sha256);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(tmpPath, target);
}

export async function discard(tmpPath: string): Promise<void> {
  await rm(tmpPath, { force: true });
}

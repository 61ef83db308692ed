import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import zlib from 'node:zlib';

/**
 * Responses in brotli or gzip for the browsers that accept them (decision 023), through @fastify/compress: a list
 * page's 19 KB of HTML is 3.6 KB in brotli, seconds less on the slow connections many readers have. Requests are
 * not decompressed: nothing Ahadi reads is sent compressed.
 *
 * Brotli at quality 4, not zlib's default 11: ~0.5 ms for a list page instead of ~40 ms, for a file 25 % bigger.
 *
 * A response sent from bytes kept in memory (public pages, feeds and API responses kept per data version, the
 * stylesheet) is a Buffer, and is sent again and again: its compressed forms are kept with it, so a kept page costs
 * its compression once, not on every request (which would have doubled the cost of a kept page). A Buffer is only
 * compressed on the synchronous path, which covers kept responses up to `SYNC_LIMIT`; downloads, which are streams,
 * are compressed as they stream.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    globalDecompression: false,
    brotliOptions: BROTLI_OPTIONS,
    syncThreshold: SYNC_LIMIT,
    zlib: { brotliCompressSync: keptWith(zlib.brotliCompressSync), gzipSync: keptWith(zlib.gzipSync) },
  });
}

const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

// Above this, a body is compressed in a stream on libuv's threads; below, inline: a rendered page (20-60 KB) costs
// ~1 ms either way, and inline it can be kept.
const SYNC_LIMIT = 256 * 1024;

type CompressSync<O> = (buffer: zlib.InputType, options?: O) => Buffer;

/** `compress`, remembering its result for each Buffer it is given (for as long as that Buffer lives). */
export function keptWith<O>(compressBytes: CompressSync<O>): CompressSync<O> {
  const compressed = new WeakMap<object, Buffer>();
  return (input, options) => {
    if (!Buffer.isBuffer(input)) return compressBytes(input, options);
    let result = compressed.get(input);
    if (result === undefined) {
      result = compressBytes(input, options);
      compressed.set(input, result);
    }
    return result;
  };
}

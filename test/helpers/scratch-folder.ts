import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

export type ScratchFolder = { dir: string; write(name: string, content: string | Uint8Array): string };

/**
 * A temporary folder of the test file's own, removed after its tests (the hook is registered here, so no file
 * forgets it). `write` puts a file in it and gives its path.
 */
export function scratchFolder(name: string): ScratchFolder {
  // A hook registered inside a running test never runs: the folder would be left behind.
  if (expect.getState().currentTestName !== undefined) throw new Error('scratchFolder: call it at the top of the test file, not inside a test');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ahadi-${name}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(file, content) {
      const written = path.join(dir, file);
      fs.writeFileSync(written, content);
      return written;
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';
import { importOgpDataset } from '../ogp-dataset/import-ogp-dataset.ts';

/**
 * The same file saved on Windows (CRLF, as unix2dos writes it) is the same data: re-importing it changes nothing,
 * although its multi-line cells ("Full Text") now hold CRLF inside their quotes.
 */
const scratch = scratchFolder('line-endings');
const t = useTestDatabase();

/** The header and the first records of OGP's dataset (its lines up to the 6th record's end), as written: LF. */
function firstRecords(count: number): string {
  const text = fs.readFileSync(OGP_DATASET_FILE, 'utf8');
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted && (records += 1) > count) return text.slice(0, i + 1);
  }
  return text;
}

describe('line endings inside cells', () => {
  it("an LF file, then its CRLF copy, re-import as unchanged", async () => {
    const lf = firstRecords(6).replace(/\r\n/g, '\n');
    expect(lf).toMatch(/"[^"]*\n[^"]*"/); // a cell with a line break
    const lfFile = path.join(scratch.dir, 'lf.csv');
    const crlfFile = path.join(scratch.dir, 'crlf.csv');
    fs.writeFileSync(lfFile, lf);
    fs.writeFileSync(crlfFile, lf.replace(/\n/g, '\r\n'));
    const first = await importOgpDataset(t.db, lfFile, { dryRun: false });
    expect(first.counts.created).toBe(6);
    for (const file of [lfFile, crlfFile]) {
      const again = await importOgpDataset(t.db, file, { dryRun: true });
      expect(again.counts, path.basename(file)).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 0 });
    }
  });
});

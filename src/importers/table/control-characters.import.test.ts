import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';
import { importOgpDataset } from '../ogp-dataset/import-ogp-dataset.ts';
import { importSpreadsheet } from '../spreadsheet/import-spreadsheet.ts';

/**
 * Control characters and noncharacters in a source file (a Word vertical tab, a U+FFFE) are cleaned where the cells
 * are read, so what is stored is what every download can write. Both importers that read tables, end to end.
 */
const scratch = scratchFolder('control-characters');
const t = useTestDatabase();

const DIRTY = 'Udhibiti\u000Bwa\uFFFE data\u0007 wazi';
const CLEAN = 'Udhibiti\nwa data wazi';

/** A CSV file of `records` (objects of one shape) with `column` of the first one set to `value`. */
function csvWith(name: string, source: string, column: string, value: string): { file: string; first: Record<string, string> } {
  const records: Record<string, string>[] = parse(fs.readFileSync(source), { columns: true, bom: true });
  records[0]![column] = value;
  const file = path.join(scratch.dir, name);
  fs.writeFileSync(file, stringify(records.slice(0, 3), { header: true, columns: Object.keys(records[0]!) }));
  return { file, first: records[0]! };
}

const storedTitles = (ogpId: string) => t.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
  .select('x.title').where('c.ogp_id', '=', ogpId).execute();

describe('importing cells with control characters', () => {
  it("OGP's dataset: the title is stored cleaned", async () => {
    const { file, first } = csvWith('dataset.csv', OGP_DATASET_FILE, 'Commitment Title', DIRTY);
    const summary = await importOgpDataset(t.db, file, { dryRun: false });
    expect(summary.written).toBe(true);
    expect((await storedTitles(first['Commitment Unique Identifier']!)).map((r) => r.title)).toContain(CLEAN);
    expect(summary.warnings).toContainEqual({ rowNumber: 2, message: expect.stringMatching(/^column "Commitment Title": control characters/) });
  });

  it("a secretariat's spreadsheet with a mapping: the title is stored cleaned", async () => {
    const source = path.resolve(process.cwd(), '../shared/data/ogp/mexico_plan4_compromisos_2019.csv');
    const { file } = csvWith('compromisos.csv', source, 'titulo', DIRTY);
    const summary = await importSpreadsheet(t.db, file, path.resolve('docs/import-mappings/mexico-plan4-compromisos.json'), { dryRun: false });
    expect(summary.written).toBe(true);
    const row = summary.results.find((r) => r.rowNumber === 2)!;
    expect((await storedTitles(row.label)).map((r) => r.title)).toEqual([CLEAN]);
    expect(summary.warnings).toEqual([{ rowNumber: 2, message: expect.stringMatching(/^column "titulo": control characters/) }]);
  });
});

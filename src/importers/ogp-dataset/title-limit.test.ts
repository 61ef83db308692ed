import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';
import { COLUMN } from './dataset-columns.ts';
import { importOgpDataset } from './import-ogp-dataset.ts';
import { rowToRecord } from './row-to-record.ts';

type Row = Record<string, string>;
const rows: Row[] = parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true });
const row = (ogpId: string): Row => ({ ...rows.find((r) => r[COLUMN.ogpId] === ogpId)! });

const t = useTestDatabase();
const scratch = scratchFolder('title-limit');

// A title is held to the limit of the forms (1,000 characters), so that an imported commitment can be edited.
describe('the title limit of an OGP dataset row', () => {
  it('reads RO0018, the longest title of the file (603 characters), and refuses a title or Short Title over 1,000', () => {
    const ro = row('RO0018');
    expect(rowToRecord(ro).record.texts.en!.title).toHaveLength(603);
    expect(() => rowToRecord({ ...ro, [COLUMN.title]: 't'.repeat(1001) }))
      .toThrow('column "Commitment Title": 1,001 characters; a title has at most 1,000');
    // A Spanish row's Short Title becomes its English title.
    const spanish = row('CR0016');
    expect(rowToRecord(spanish).record.sourceLocale).toBe('es');
    expect(() => rowToRecord({ ...spanish, [COLUMN.shortTitle]: `${'t'.repeat(40_000)}.` }))
      .toThrow('column "Short Title": 40,001 characters; a title has at most 1,000');
  });

  it('rejects the row in an import, naming row, column and limit, and writes nothing', async () => {
    const file = path.join(scratch.dir, 'long-title.csv');
    const changed = [row('RO0018'), { ...row('RO0021'), [COLUMN.title]: 'Open data. '.repeat(100) }];
    fs.writeFileSync(file, stringify(changed, { header: true, columns: Object.keys(changed[0]!) }));
    const summary = await importOgpDataset(t.db, file, { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.results.filter((r) => r.outcome === 'rejected')).toEqual([
      { rowNumber: 3, label: 'RO0021', outcome: 'rejected', reason: 'column "Commitment Title": 1,099 characters; a title has at most 1,000' },
    ]);
    expect(await t.db.selectFrom('commitments').select('id').execute()).toEqual([]);
  });
});

import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';
import type { ImportSummary } from '../import-run.ts';
import { importOgpDataset } from './import-ogp-dataset.ts';

type Row = Record<string, string>;
// Kenya's eight rows of the extract, in file order: rows 2-9 of each variant (KE0012, KE0021, KE0037, KE0016,
// KE0027, KE0033, KE0034, KE0038); plan 5 is on rows 4, 7, 8 and 9.
const kenya: Row[] = (parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true }) as Row[])
  .filter((row) => row['Country/Locality'] === 'Kenya');

const t = useTestDatabase();
const scratch = scratchFolder('disagree');

function variantFile(name: string, change: (rows: Row[]) => void): string {
  const rows = kenya.map((row) => ({ ...row }));
  change(rows);
  return scratch.write(name, stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
}

const disagreements = (summary: ImportSummary) => summary.warnings.filter((w) => / on this row, .* on row \d+; /.test(w.message));

describe("rows of one dataset file that disagree about their member or plan", () => {
  const file = variantFile('disagree.csv', (rows) => {
    rows[3]!['Country/Locality'] = 'Republic of Kenya';
    rows[6]!['Action Plan End Year'] = '2026';
    rows[6]!['Action Plan Duration (Years)'] = '3';
  });
  const expected = [
    { rowNumber: 5, message: 'member KE: name "Republic of Kenya" on this row, "Kenya" on row 2; the last row\'s name is the one saved' },
    { rowNumber: 8, message: "action plan 5 of KE: last year 2026 on this row, 2027 on row 4; the last row's last year is the one saved" },
  ];

  it('a dry run warns on the row that disagrees, naming both values and the first row', async () => {
    const summary = await importOgpDataset(t.db, file, { dryRun: true });
    expect(summary.counts.rejected).toBe(0);
    expect(disagreements(summary)).toEqual(expected);
  });

  it('the real run warns the same, and saves the last row\'s values', async () => {
    const summary = await importOgpDataset(t.db, file, { dryRun: false });
    expect(summary.written).toBe(true);
    expect(disagreements(summary)).toEqual(expected);
    const member = await t.db.selectFrom('members').select('name').where('ogp_prefix', '=', 'KE').executeTakeFirstOrThrow();
    expect(member.name).toBe('Kenya');
    const plan = await t.db.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
      .select(['p.start_year', 'p.end_year']).where('m.ogp_prefix', '=', 'KE').where('p.number', '=', 5).executeTakeFirstOrThrow();
    expect(plan).toEqual({ start_year: 2023, end_year: 2027 });
  });

  it('rows that agree give no such warning', async () => {
    const summary = await importOgpDataset(t.db, variantFile('agree.csv', () => {}), { dryRun: true });
    expect(disagreements(summary)).toEqual([]);
  });

  it('a rejected row is not compared, and the file writes nothing', async () => {
    const before = await t.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const summary = await importOgpDataset(t.db, variantFile('rejected.csv', (rows) => {
      rows[3]!['Country/Locality'] = 'Republic of Kenya';
      rows[3]!['Action Plan Number'] = 'five';
      rows[4]!['Commitment Title'] = 'A title that changes, which the rejected row keeps from being written';
    }), { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.results[3]).toMatchObject({ rowNumber: 5, outcome: 'rejected', reason: expect.stringContaining('Action Plan Number') });
    expect(disagreements(summary)).toEqual([]);
    const after = await t.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

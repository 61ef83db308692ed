import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { storedIrmStages } from '../../../test/helpers/stored-irm-stages.ts';
import { POLICY_AREA_COLUMNS } from '../../policy-areas/dataset-columns.ts';
import type { ImportSummary } from '../import-run.ts';
import { TableFileError } from '../table/table.ts';
import { importOgpDataset } from './import-ogp-dataset.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';

type Row = Record<string, string>;
const rows: Row[] = parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true });
const ROW_COUNT = 442;

const t = useTestDatabase();
let firstImport: ImportSummary;
const scratch = scratchFolder('dataset');

const count = async (table: 'commitments' | 'commitment_texts' | 'irm_ratings' | 'members' | 'institutions' | 'commitment_policy_areas' | 'changes') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** The dataset with some rows or columns changed, written where the importer can read it. */
function variantFile(name: string, change: (rows: Row[]) => Row[]): string {
  const changed = change(rows.map((row) => ({ ...row })));
  return scratch.write(name, stringify(changed, { header: true, columns: Object.keys(changed[0]!) }));
}

// What each rating column of OGP's dataset says, written out here independently of the importer's own table:
// the stage it belongs to, Ahadi's indicator, and OGP's wording → Ahadi's value (shared docs §1.6).
const SENTINEL_STATES: Record<string, string> = { ND: 'no_data', NR: 'not_reviewed', NA: 'not_applicable', 'Pending IRM Review': 'not_reviewed' };
const YES_NO = { Yes: 'yes', No: 'no', '1': 'yes', '0': 'no' };
const COMPLETION = { Withdrawn: 'withdrawn', Unclear: 'no_evidence', 'Not Started': 'not_started', Limited: 'limited', Substantial: 'substantial', Complete: 'complete' };
const DIOG_PER_VALUE = { 'Not Applicable': 'not_applicable', Worsens: 'worsened', 'Did Not Change': 'did_not_change', Marginal: 'marginal', Major: 'major', Outstanding: 'outstanding' };
const RATING_COLUMNS: [column: string, stage: 'design' | 'end', indicator: string, values: Record<string, string>][] = [
  ['Specificity', 'design', 'specificity', { None: 'none', Low: 'low', Medium: 'medium', High: 'high' }],
  ['Verifiable', 'design', 'verifiable', YES_NO],
  ['OGP Value Access To Information', 'design', 'relevance_access_to_information', YES_NO],
  ['OGP Value Civic Participation', 'design', 'relevance_civic_participation', YES_NO],
  ['OGP Value Public Accountability', 'design', 'relevance_public_accountability', YES_NO],
  ['OGP Value Technology', 'design', 'relevance_technology', YES_NO],
  ['_Relevant', 'design', 'open_government_lens', YES_NO],
  ['Potential Impact', 'design', 'potential_impact', { None: 'none', Minor: 'minor', Moderate: 'moderate', Transformative: 'transformative' }],
  ['Completion (Progress Report)', 'design', 'completion', COMPLETION],
  ['Potential for Results', 'design', 'potential_for_results', { Unclear: 'unclear', Modest: 'modest', Substantial: 'substantial' }],
  ['Completion (End Of Term)', 'end', 'completion', COMPLETION],
  ['Change In Completion', 'end', 'change_in_completion', { Decrease: 'decrease', 'No Change': 'no_change', Increase: 'increase' }],
  ['Early Results', 'end', 'early_results', { 'No notable results': 'no_notable_results', Moderate: 'moderate', Significant: 'significant', Outstanding: 'outstanding' }],
  ['Did It Open Government (Overall)', 'end', 'did_it_open_government', { Worsens: 'worsened', 'Did Not Change': 'did_not_change', 'No early results to report yet': 'no_early_results_yet', Marginal: 'marginal', Major: 'major', Outstanding: 'outstanding' }],
  ['Did It Open Government (Access To Information)', 'end', 'did_it_open_government_access_to_information', DIOG_PER_VALUE],
  ['Did It Open Government (Civic Participation)', 'end', 'did_it_open_government_civic_participation', DIOG_PER_VALUE],
  ['Did It Open Government: Public Accountability', 'end', 'did_it_open_government_public_accountability', DIOG_PER_VALUE],
  ['Carried Forward', 'end', 'carried_forward', YES_NO],
];
// The numeric code columns, decoded (OGP's codes, shared docs §1.6).
const COMPLETION_CODES = { '0': 'withdrawn', '1': 'no_evidence', '2': 'not_started', '3': 'limited', '4': 'substantial', '5': 'complete' };
const DIOG_CODES = { '0': 'not_applicable', '1': 'worsened', '2': 'did_not_change', '3': 'marginal', '4': 'major', '5': 'outstanding' };
const CODE_COLUMNS: [column: string, stage: 'design' | 'end', indicator: string, codes: Record<string, string[]>][] = [
  ['_Specificity', 'design', 'specificity', { '0': ['none'], '1': ['low'], '2': ['medium'], '3': ['high'] }],
  ['_Potential Impact', 'design', 'potential_impact', { '0': ['none'], '1': ['minor'], '2': ['moderate'], '3': ['transformative'] }],
  ['_CompletionProgress', 'design', 'completion', Object.fromEntries(Object.entries(COMPLETION_CODES).map(([k, v]) => [k, [v]]))],
  ['_Potential for Results', 'design', 'potential_for_results', { '0': ['unclear'], '1': ['modest'], '2': ['substantial'] }],
  ['_CompletionEndTerm', 'end', 'completion', Object.fromEntries(Object.entries(COMPLETION_CODES).map(([k, v]) => [k, [v]]))],
  ['_Early Results', 'end', 'early_results', { '0': ['no_notable_results'], '1': ['moderate'], '2': ['significant'], '3': ['outstanding'] }],
  ['_OpenGovernment', 'end', 'did_it_open_government', { '0': ['worsened'], '1': ['did_not_change', 'no_early_results_yet'], '2': ['marginal'], '3': ['major'], '4': ['outstanding'] }],
  ['_DIOGATI', 'end', 'did_it_open_government_access_to_information', Object.fromEntries(Object.entries(DIOG_CODES).map(([k, v]) => [k, [v]]))],
  ['_DIOGCP', 'end', 'did_it_open_government_civic_participation', Object.fromEntries(Object.entries(DIOG_CODES).map(([k, v]) => [k, [v]]))],
  ['_DIOGPA', 'end', 'did_it_open_government_public_accountability', Object.fromEntries(Object.entries(DIOG_CODES).map(([k, v]) => [k, [v]]))],
];
// Where OGP's code column contradicts its own label column; the label is what Ahadi stores (and warns about).
const KNOWN_CODE_DISAGREEMENTS = [
  'JO0048 _DIOGCP', 'JO0050 _DIOGATI', 'JO0050 _DIOGCP',
  ...['LK0007', 'LK0008', 'LK0009', 'LK0012', 'LK0013', 'LK0019', 'LK0020', 'LK0021', 'LK0022'].map((id) => `${id} _DIOGPA`),
];

const storedReviews = () => storedIrmStages(t.db);

describe('import ogp-dataset', () => {
  it('a dry run reports what it would create and writes nothing', async () => {
    const summary = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: true });
    expect(summary.counts).toEqual({ created: ROW_COUNT, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    expect(summary.written).toBe(false);
    expect(await count('commitments')).toBe(0);
    expect(await count('members')).toBe(0);
  });

  it('loads every row of the file, in one transaction', async () => {
    firstImport = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
    expect(rows).toHaveLength(ROW_COUNT);
    expect(firstImport.counts).toEqual({ created: ROW_COUNT, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
    expect(firstImport.written).toBe(true);
    expect(await count('commitments')).toBe(ROW_COUNT);
    expect(await count('members')).toBe(new Set(rows.map((r) => r['Code'])).size);
  });

  it('stores every IRM rating of every row as the file states it (exhaustive)', async () => {
    const stored = await storedReviews();
    const mismatches: string[] = [];
    let compared = 0;
    for (const row of rows) {
      const id = row['Commitment Unique Identifier']!;
      for (const [column, stage, indicator, values] of RATING_COLUMNS) {
        const cell = row[column]!;
        const expected = SENTINEL_STATES[cell] ? { state: SENTINEL_STATES[cell], value: null } : { state: 'assessed', value: values[cell] };
        if (expected.value === undefined) throw new Error(`${id} ${column}: the test does not know "${cell}"`);
        // A review absent, or a rating of the other method absent, is what the file's ND says: no data.
        const actual = stored.get(id)?.get(stage)?.ratings.get(indicator) ?? { state: 'no_data', value: null };
        compared += 1;
        if (actual.state !== expected.state || actual.value !== expected.value) {
          mismatches.push(`${id} ${column}: file "${cell}", stored ${actual.state}/${actual.value}`);
        }
      }
    }
    expect(compared).toBe(ROW_COUNT * RATING_COLUMNS.length);
    expect(mismatches).toEqual([]);
  });

  it("agrees with the file's numeric code columns, except where OGP's code contradicts its own label", async () => {
    const stored = await storedReviews();
    const disagreements: string[] = [];
    for (const row of rows) {
      const id = row['Commitment Unique Identifier']!;
      for (const [column, stage, indicator, codes] of CODE_COLUMNS) {
        const actual = stored.get(id)?.get(stage)?.ratings.get(indicator) ?? { state: 'no_data', value: null };
        const cell = row[column]!;
        const matches = SENTINEL_STATES[cell] ? actual.state === SENTINEL_STATES[cell] : (codes[cell] ?? []).includes(actual.value ?? '');
        if (!matches) disagreements.push(`${id} ${column}`);
      }
    }
    expect(disagreements.sort()).toEqual([...KNOWN_CODE_DISAGREEMENTS].sort());
  });

  it('puts each rating in the report of its stage and method, with the report year', async () => {
    const stored = await storedReviews();
    for (const row of rows) {
      const reviews = stored.get(row['Commitment Unique Identifier']!);
      const newMethod = Number(row['Year Of Submission']) >= 2020;
      const design = reviews?.get('design');
      if (design) expect([design.report, design.method]).toEqual(newMethod ? ['action_plan_review', 'irm_2020'] : ['progress', 'irm_2012']);
      const end = reviews?.get('end');
      if (end) {
        const results = newMethod || !['ND', 'NR'].includes(row['Early Results']!);
        expect([end.report, end.method]).toEqual(results ? ['results', 'irm_2020'] : ['end_of_term', 'irm_2012']);
      }
      for (const [stage, column] of [['design', 'Report Publication Year (Progress Report)'], ['end', 'Report Publication Year (End Of Term)']] as const) {
        const year = /^\d{4}$/.test(row[column]!) ? Number(row[column]) : null;
        expect(reviews?.get(stage)?.publishedYear ?? null, `${row['Commitment Unique Identifier']} ${column}`).toBe(year);
      }
    }
  });

  it("links exactly the policy areas the file tags with 1 (ND and 0 are no link)", async () => {
    const links = await t.db.selectFrom('commitment_policy_areas as l').innerJoin('commitments as c', 'c.id', 'l.commitment_id')
      .select(['c.ogp_id', 'l.policy_area_key']).execute();
    const stored = new Map<string, string[]>();
    for (const link of links) stored.set(link.ogp_id, [...(stored.get(link.ogp_id) ?? []), link.policy_area_key]);
    for (const row of rows) {
      const expected = Object.entries(POLICY_AREA_COLUMNS).filter(([column]) => row[column] === '1').map(([, key]) => key).sort();
      expect(stored.get(row['Commitment Unique Identifier']!)?.sort() ?? [], row['Commitment Unique Identifier']).toEqual(expected);
    }
    expect(await count('commitment_policy_areas')).toBe(rows.reduce((n, row) => n + Object.keys(POLICY_AREA_COLUMNS).filter((c) => row[c] === '1').length, 0));
  });

  it('stores members, plans, numbers, texts and institutions as the file gives them', async () => {
    const stored = await t.db.selectFrom('commitments as c').innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
      .innerJoin('members as m', 'm.id', 'p.member_id')
      .innerJoin('commitment_texts as x', (j) => j.onRef('x.commitment_id', '=', 'c.id').onRef('x.locale', '=', 'c.source_locale'))
      .select(['c.ogp_id', 'c.number_in_plan', 'c.number_label', 'm.name', 'm.kind', 'm.code', 'm.region', 'm.ogp_prefix',
        'p.number', 'p.submission_year', 'p.start_year', 'p.end_year', 'x.title', 'x.full_text']).execute();
    const byId = new Map(stored.map((s) => [s.ogp_id, s]));
    const kinds: Record<string, string> = { National: 'national', 'Legacy Local': 'legacy_local', Other: 'other' };
    for (const row of rows) {
      const s = byId.get(row['Commitment Unique Identifier']!)!;
      expect(s, row['Commitment Unique Identifier']).toMatchObject({
        name: row['Country/Locality'], kind: kinds[row['National Or Local']!], code: row['Code'], region: row['Region'],
        ogp_prefix: row['Commitment Unique Identifier']!.replace(/\d+$/, ''),
        number: Number(row['Action Plan Number']), submission_year: Number(row['Year Of Submission']),
        end_year: Number(row['Action Plan End Year']), start_year: Number(row['Action Plan End Year']) - Number(row['Action Plan Duration (Years)']),
        // In the language they are written in, with OGP's English title beside a text in another: text-language.test.ts.
        title: row['Commitment Title']!.trim(), full_text: row['Full Text']!.trim(),
      });
      const number = row['Commitment Number']!;
      if (/^\d+$/.test(number)) expect([s.number_in_plan, s.number_label]).toEqual([Number(number), null]);
      else expect([s.number_in_plan, Number(s.number_label)]).toEqual([null, Number.isNaN(Number(number)) ? NaN : Number(number)]);
    }
    const ke = await t.db.selectFrom('commitment_institutions as l').innerJoin('institutions as i', 'i.id', 'l.institution_id')
      .innerJoin('commitments as c', 'c.id', 'l.commitment_id').select(['c.ogp_id', 'i.name', 'l.role']).execute();
    const leadless = rows.filter((r) => r['Lead Institution'] === 'NA').map((r) => r['Commitment Unique Identifier']);
    expect(leadless.length).toBeGreaterThan(0);
    for (const id of leadless) expect(ke.filter((l) => l.ogp_id === id && l.role === 'lead')).toEqual([]);
    expect(ke.filter((l) => l.ogp_id === 'AL0002' && l.role === 'lead').map((l) => l.name)).toEqual([rows.find((r) => r['Commitment Unique Identifier'] === 'AL0002')!['Lead Institution']]);
  });

  it('reads each free-text date where it can, and otherwise keeps the words with a warning — never a wrong date', async () => {
    const stored = await t.db.selectFrom('commitments').select(['ogp_id', 'start_date', 'start_precision', 'start_raw', 'end_date', 'end_raw']).execute();
    const byId = new Map(stored.map((s) => [s.ogp_id, s]));
    const warned = new Set(firstImport.warnings.map((w) => `${w.rowNumber} ${w.message.match(/^column "([^"]+)"/)?.[1]}`));
    rows.forEach((row, i) => {
      const s = byId.get(row['Commitment Unique Identifier']!)!;
      for (const [column, date, raw] of [['Start Date', s.start_date, s.start_raw], ['End Date', s.end_date, s.end_raw]] as const) {
        const cell = row[column]!;
        if (cell === 'NA') {
          expect([date, raw]).toEqual([null, null]);
          continue;
        }
        expect(raw, `${column} of row ${i + 2}`).toBe(cell);
        // OGP's sheet writes month/day/year, sometimes with a two-digit year ("9/1/18").
        const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(cell);
        const year = us ? (us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3])) : 0;
        if (us && Number(us[1]) <= 12 && year > 2000) {
          expect(date).toBe(`${year}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`);
        } else {
          // Any other reading (month names, day first, a spreadsheet day number, or no date at all) is warned about.
          if (date === null || !/^(\w+ \d{4}|[IV]+ quarter of \d{4}|Quarter \d \d{4}|\d{4})$/.test(cell)) expect(warned.has(`${i + 2} ${column}`), `${column} "${cell}"`).toBe(true);
        }
      }
    });
    const excelError = rows.findIndex((r) => r['Start Date'] === '7/16/1905');
    expect(byId.get(rows[excelError]!['Commitment Unique Identifier']!)).toMatchObject({ start_date: null, start_precision: null, start_raw: '7/16/1905' });
  });

  it('writes one history entry per commitment created, giving the file as the reason', async () => {
    const changes = await t.db.selectFrom('changes').select(['command', 'actor_id', 'reason']).execute();
    expect(changes).toHaveLength(ROW_COUNT);
    expect(new Set(changes.map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify({ command: 'import_commitment', actor_id: null, reason: path.basename(OGP_DATASET_FILE) })]));
  });

  it('a second import of the same file changes nothing', async () => {
    const before = await Promise.all((['commitments', 'commitment_texts', 'irm_ratings', 'members', 'institutions', 'commitment_policy_areas', 'changes'] as const).map(count));
    const again = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: ROW_COUNT, rejected: 0, skipped: 0 });
    expect(await Promise.all((['commitments', 'commitment_texts', 'irm_ratings', 'members', 'institutions', 'commitment_policy_areas', 'changes'] as const).map(count))).toEqual(before);
  });

  it('updates a changed row and leaves the others alone', async () => {
    const file = variantFile('changed.csv', (all) => { all[0]!['Specificity'] = 'Low'; all[0]!['_Specificity'] = '1'; return all; });
    const summary = await importOgpDataset(t.db, file, { dryRun: false });
    expect(summary.counts).toEqual({ created: 0, updated: 1, unchanged: ROW_COUNT - 1, rejected: 0, skipped: 0 });
    expect((await storedReviews()).get(rows[0]!['Commitment Unique Identifier']!)?.get('design')?.ratings.get('specificity')?.value).toBe('low');
    await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
  });

  it('rejects a row with a bad id, naming its row and column, and writes nothing', async () => {
    const before = await Promise.all((['commitments', 'irm_ratings'] as const).map(count));
    const file = variantFile('bad-id.csv', (all) => {
      all[4]!['Commitment Unique Identifier'] = 'KE31';
      all[6]!['Specificity'] = 'Very high';
      all[0]!['Commitment Title'] = 'A title that must not be written';
      return all;
    });
    const summary = await importOgpDataset(t.db, file, { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.counts.rejected).toBe(2);
    expect(summary.results.filter((r) => r.outcome === 'rejected')).toEqual([
      { rowNumber: 6, label: 'KE31', outcome: 'rejected', reason: 'column "Commitment Unique Identifier": "KE31" is not an OGP commitment id such as KE0031' },
      { rowNumber: 8, label: rows[6]!['Commitment Unique Identifier'], outcome: 'rejected', reason: expect.stringMatching(/^column "Specificity": "Very high" is not a value of specificity/) },
    ]);
    expect(await Promise.all((['commitments', 'irm_ratings'] as const).map(count))).toEqual(before);
    const titles = await t.db.selectFrom('commitment_texts').select('title').where('title', '=', 'A title that must not be written').execute();
    expect(titles).toEqual([]);
  });

  it('refuses a file without a column it needs, naming the column', async () => {
    const file = variantFile('no-code.csv', (all) => all.map(({ Code: _code, ...rest }) => rest));
    await expect(importOgpDataset(t.db, file, { dryRun: true })).rejects.toThrow(TableFileError);
    await expect(importOgpDataset(t.db, file, { dryRun: true })).rejects.toThrow(/missing column "Code"/);
    // Another kind of file: a few of the missing columns and what it has instead, not all 123 names.
    const other = path.join(path.dirname(file), 'other.csv');
    fs.writeFileSync(other, 'id,title\nX1,Something else\n');
    await expect(importOgpDataset(t.db, other, { dryRun: true })).rejects.toThrow(
      /^other\.csv is not OGP's commitment dataset: missing \d+ of its \d+ columns, among them "Commitment Unique Identifier", "Country\/Locality", .*; its header has "id", "title"$/);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';

const DATASET = '../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv';
const COMPROMISOS = '../shared/data/ogp/mexico_plan4_compromisos_2019.csv';
const HITOS = '../shared/data/ogp/mexico_plan4_hitos_2019.csv';

const t = useTestDatabase();
const scratch = scratchFolder('cli-import');

// Each case spawns the CLI (tsx start-up, a connection, an import): slow on a busy machine, so allow minutes.
const SLOW = 240_000;

function ahadi(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.url }, timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The dataset with its first lines only, and optionally a cell replaced, for quick runs of the failure paths. */
function datasetExcerpt(name: string, change: (text: string) => string): string {
  return scratch.write(name, change(fs.readFileSync(DATASET, 'utf8')));
}

describe('npm run ahadi -- import ogp-dataset', () => {
  it('a dry run lists what it would create, writes nothing, and exits 0', () => {
    const run = ahadi('import', 'ogp-dataset', DATASET, '--dry-run');
    expect(run.stdout).toContain('row 2 AL0002: would create');
    expect(run.stdout).toMatch(/ogp-dataset .*: 442 rows\n {2}would create: 442\n {2}would update: 0\n {2}unchanged: 0\n {2}rejected: 0\n {2}skipped: 0\n {2}warnings: \d+\n {2}time: [\d.]+ s \([\d,]+ rows\/s\)\nDry run: nothing written\./);
    expect(run.stderr).toMatch(/^warning: row 65: column "Start Date": "7\/16\/1905" is not a date we can trust/m);
    expect(run.code).toBe(0);
  }, SLOW);

  it('imports every row in one transaction, then finds them unchanged', () => {
    const first = ahadi('import', 'ogp-dataset', DATASET);
    expect(first.stdout).toContain('  created: 442\n');
    expect(first.stdout).toContain('Written in one transaction.');
    expect(first.stdout).not.toContain('row 2 AL0002');
    expect(first.code).toBe(0);
    const again = ahadi('import', 'ogp-dataset', DATASET);
    expect(again.stdout).toContain('  unchanged: 442\n');
    expect(again.code).toBe(0);
  }, SLOW);

  it('a rejected row is named with its row number and reason; nothing is written; exit 1', () => {
    const file = datasetExcerpt('bad-row.csv', (text) => text.replace(/\nAL0003,/, '\nAL-3,'));
    const run = ahadi('import', 'ogp-dataset', file);
    expect(run.stdout).toContain('row 3 AL-3: rejected: column "Commitment Unique Identifier": "AL-3" is not an OGP commitment id such as KE0031');
    expect(run.stdout).toContain('Nothing written: 1 row was rejected (the import is all or nothing).');
    expect(run.code).toBe(1);
  }, SLOW);

  it('a file without a column the importer needs fails naming the column, exit 1', () => {
    const file = datasetExcerpt('no-region.csv', (text) => text.replace(',Region,', ',Area,'));
    const run = ahadi('import', 'ogp-dataset', file, '--dry-run');
    expect(run.stderr).toContain('missing column "Region"');
    expect(run.code).toBe(1);
  }, SLOW);

  it('refuses bad command lines with exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['import', 'ogp-dataset'], /import ogp-dataset takes exactly one FILE\.csv/],
      [['import', 'ogp-dataset', 'no-such.csv'], /FILE\.csv: no such file: no-such\.csv/],
      [['import', 'ogp-dataset', DATASET, '--verbose'], /import ogp-dataset: Unknown option '--verbose'/],
      [['import', 'spreadsheet', COMPROMISOS], /--mapping: give the JSON mapping file/],
      [['import', 'spreadsheet', 'README.md', '--mapping', 'x.json'], /a spreadsheet must be a \.csv or \.xlsx file/],
    ];
    for (const [args, message] of cases) {
      const run = ahadi(...args);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.code, args.join(' ')).toBe(2);
    }
  }, SLOW);
});

describe('npm run ahadi -- import spreadsheet', () => {
  it("imports Mexico's commitments and then their milestones with the shipped mappings", () => {
    const commitments = ahadi('import', 'spreadsheet', COMPROMISOS, '--mapping', 'docs/import-mappings/mexico-plan4-compromisos.json');
    expect(commitments.stdout).toMatch(/: 13 rows\n {2}created: 13\n/);
    expect(commitments.code).toBe(0);
    const milestones = ahadi('import', 'spreadsheet', HITOS, '--mapping', 'docs/import-mappings/mexico-plan4-hitos.json');
    expect(milestones.stdout).toContain('row 7 MX0085: skipped: no text in "descripcion"');
    expect(milestones.stdout).toContain('row 8 MX0085: skipped: only the template\'s placeholder text: "Descripción del hito..." in "descripcion"');
    expect(milestones.stdout).toMatch(/: 91 rows\n {2}created: 53\n {2}updated: 0\n {2}unchanged: 0\n {2}rejected: 0\n {2}skipped: 38\n/);
    expect(milestones.code).toBe(0);
  }, SLOW);

  it('a bad mapping fails naming the field, exit 1', () => {
    const mapping = scratch.write('bad-mapping.json', JSON.stringify({ kind: 'commitments', sourceLocale: 'Spanish' }));
    const run = ahadi('import', 'spreadsheet', COMPROMISOS, '--mapping', mapping);
    expect(run.stderr).toMatch(/bad-mapping\.json: sourceLocale: a language code such as "es"/);
    expect(run.stderr).toMatch(/columns: /);
    expect(run.code).toBe(1);
  }, SLOW);
});

describe('npm run ahadi -- import ogp-page', () => {
  it('prints the summary every import prints', () => {
    const run = ahadi('import', 'ogp-page', '../shared/seeds/KE0031.fr.txt', '--dry-run');
    expect(run.stdout).toContain('KE0031: would create (dry run: nothing written)');
    expect(run.stdout).toMatch(/ogp-page .*KE0031\.fr\.txt: 1 row\n {2}would create: 1\n/);
    expect(run.code).toBe(0);
  }, SLOW);
});

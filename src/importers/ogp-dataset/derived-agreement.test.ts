import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { storedIrmStages, type StoredStages } from '../../../test/helpers/stored-irm-stages.ts';
import {
  highAmbition, highCompletion, irmBasedScore, latestCompletion, starred, starredAtEndOfTerm, starredBy2015Formula,
  strongEarlyResults, type RatingValues, type ReviewStages,
} from '../../irm/derived.ts';
import { importOgpDataset } from './import-ogp-dataset.ts';
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';

/**
 * OGP's dataset carries its own analysis columns (stars, High Ambition, High Completion, ...). Ahadi does not store
 * them: it derives them from the ratings (src/irm/derived.ts). This test derives each one for every row from what
 * the import stored, compares with the file, prints the agreement, and asserts it where OGP's formula is Ahadi's.
 */
type Row = Record<string, string>;
const rows: Row[] = parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true });

const t = useTestDatabase();
let stored: StoredStages;
beforeAll(async () => {
  await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
  stored = await storedIrmStages(t.db);
});

function stagesOf(row: Row): ReviewStages {
  const reviews = stored.get(row['Commitment Unique Identifier']!);
  const values = (stage: 'design' | 'end'): RatingValues | undefined => {
    const review = reviews?.get(stage);
    if (!review) return undefined;
    return Object.fromEntries([...review.ratings].filter(([, r]) => r.state === 'assessed').map(([indicator, r]) => [indicator, r.value]));
  };
  return { ...(values('design') ? { design: values('design') } : {}), ...(values('end') ? { end: values('end') } : {}) };
}

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? '1' : '0');
const COMPLETION_CODE: Record<string, string> = { withdrawn: '0', no_evidence: '1', not_started: '2', limited: '3', substantial: '4', complete: '5' };

/** Each analysis column of the file and Ahadi's derivation of it, as the file writes values ('0'/'1', codes). */
const DERIVED: Record<string, (stages: ReviewStages) => string | undefined> = {
  'Starred (Current Formula) Progress Report': (s) => flag(s.design && starred(s.design)),
  'Starred (Current Formula) End of Term': (s) => flag(starredAtEndOfTerm(s)),
  'Starred (2015 Only)': (s) => flag(s.design && starredBy2015Formula(s.design)),
  'Max star': (s) => {
    const stars = [s.design && starred(s.design), starredAtEndOfTerm(s)].filter((v) => v !== undefined);
    return stars.length === 0 ? undefined : flag(stars.some(Boolean));
  },
  'High Ambition': (s) => flag(highAmbition(s.design)),
  'High Completion': (s) => flag(highCompletion(s)),
  'High DIOG': (s) => flag(strongEarlyResults(s.end)),
  'Raw Completion': (s) => { const c = latestCompletion(s); return c === undefined ? undefined : COMPLETION_CODE[c]; },
  'IRM-Based Score': (s) => String(irmBasedScore(s)),
};

type Tally = { agree: number; disagree: string[]; onlyOgp: string[]; onlyAhadi: number; neither: number };

function compare(column: string): Tally {
  const tally: Tally = { agree: 0, disagree: [], onlyOgp: [], onlyAhadi: 0, neither: 0 };
  for (const row of rows) {
    const file = /^-?\d+$/.test(row[column]!) ? row[column] : undefined; // ND, NR, NA: OGP did not compute it
    const ours = DERIVED[column]!(stagesOf(row));
    const id = row['Commitment Unique Identifier']!;
    if (file !== undefined && ours !== undefined) {
      if (file === ours) tally.agree += 1;
      else tally.disagree.push(`${id}: file ${file}, Ahadi ${ours}`);
    } else if (file !== undefined) tally.onlyOgp.push(`${id}: file ${file}`);
    else if (ours !== undefined) tally.onlyAhadi += 1;
    else tally.neither += 1;
  }
  return tally;
}

const tallies = () => Object.fromEntries(Object.keys(DERIVED).map((column) => [column, compare(column)]));

describe("Ahadi's derived ratings against OGP's analysis columns", () => {
  it('reports the agreement for every row and column', () => {
    const report = Object.entries(tallies()).map(([column, t]) =>
      `${column.padEnd(44)} agree ${String(t.agree).padStart(3)}  disagree ${String(t.disagree.length).padStart(3)}  ` +
      `only OGP ${String(t.onlyOgp.length).padStart(3)}  only Ahadi ${String(t.onlyAhadi).padStart(3)}  neither ${String(t.neither).padStart(3)}`);
    process.stdout.write(`\n${report.join('\n')}\n`);
    for (const t of Object.values(tallies())) expect(t.agree + t.disagree.length + t.onlyOgp.length + t.onlyAhadi + t.neither).toBe(rows.length);
  });

  it("agrees with the current star formula wherever OGP computed it", () => {
    const progress = compare('Starred (Current Formula) Progress Report');
    expect(progress.disagree).toEqual([]);
    // A 2018 plan without a mid-term completion: every other criterion is met, so Ahadi cannot tell; OGP wrote 0.
    expect(progress.onlyOgp).toEqual(['BUE0009: file 0']);
    const endOfTerm = compare('Starred (Current Formula) End of Term');
    expect(endOfTerm.disagree).toEqual([]);
    expect(endOfTerm.onlyOgp).toEqual([]);
    // Not asserted: "Starred (2015 Only)" (moderate impact sufficed then) and "Max star", which OGP leaves empty for
    // 2017-2019 plans whose end-of-term star it did not compute.
  });

  it('agrees on high ambition, high completion, strong early results and the completion last found', () => {
    // JO0062: OGP's relevance flag is empty although its access-to-information column says 1; Ahadi counts the value.
    expect(compare('High Ambition').disagree).toEqual(['JO0062: file 0, Ahadi 1']);
    for (const column of ['High Completion', 'High DIOG', 'Raw Completion']) {
      const tally = compare(column);
      expect(tally.disagree, column).toEqual([]);
      // OGP writes 0 where nothing was rated; Ahadi says "not rated" rather than "no".
      expect(tally.onlyOgp.filter((entry) => !entry.endsWith('file 0')), column).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { commitmentTarget } from './commitment-target.ts';
import { runImport, type SourceRow } from './import-run.ts';
import { formatImportSummary } from './import-summary.ts';

const t = useTestDatabase();

const commitments = async () => (await t.db.selectFrom('commitments').select('ogp_id').orderBy('ogp_id').execute()).map((r) => r.ogp_id);

/** A commitment of a made-up member with prefix `prefix` and OGP code `code`. */
function record(ogpId: string, code = 'XAA'): CommitmentRecordInput {
  const prefix = ogpId.replace(/\d+$/, '');
  return {
    member: { name: `Member ${prefix}`, kind: 'national', ogpPrefix: prefix, code, slug: `member-${prefix.toLowerCase()}` },
    actionPlan: { number: 1, submissionYear: 2020, startYear: 2020, endYear: 2022 },
    ogpId, sourceLocale: 'en', texts: { en: { title: `Commitment ${ogpId}` } },
    leadInstitutions: [], supportingInstitutions: [], policyAreas: [], irmReviews: [],
  };
}

const rows = (...records: CommitmentRecordInput[]): SourceRow<CommitmentRecordInput>[] =>
  records.map((item, i) => ({ rowNumber: i + 2, label: item.ogpId, item, warnings: [] }));

describe('runImport', () => {
  it('a dry run saves everything, reports it, and rolls it back', async () => {
    const summary = await runImport(t.db, rows(record('XA0001'), record('XA0002')), commitmentTarget, { dryRun: true });
    expect(summary.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(summary.written).toBe(false);
    expect(await commitments()).toEqual([]);
    expect(formatImportSummary(summary, 'test').lines).toContain('row 2 XA0001: would create');
  });

  it('saves in batches within one transaction, reporting progress', async () => {
    const progress: number[] = [];
    const summary = await runImport(t.db, rows(record('XA0001'), record('XA0002'), record('XA0003')), commitmentTarget, {
      dryRun: false, batchSize: 2, onProgress: (done) => progress.push(done),
    });
    expect(summary.written).toBe(true);
    expect(progress).toEqual([0, 2, 3]);
    expect(await commitments()).toEqual(['XA0001', 'XA0002', 'XA0003']);
  });

  it('rejects a second row with the same OGP id, a row the schema refuses, and writes nothing', async () => {
    const bad = { ...record('XA0005'), texts: { en: { title: '' } } };
    const summary = await runImport(t.db, rows(record('XA0004'), record('XA0004'), bad), commitmentTarget, { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.results.map((r) => [r.rowNumber, r.outcome, r.reason])).toEqual([
      [2, 'created', undefined],
      [3, 'rejected', 'XA0004 is also on row 2'],
      [4, 'rejected', expect.stringMatching(/^texts\.en\.title: /)],
    ]);
    expect(await commitments()).toEqual(['XA0001', 'XA0002', 'XA0003']);
    expect(formatImportSummary(summary, 'test').lines.at(-1)).toBe('Nothing written: 2 rows were rejected (the import is all or nothing).');
  });

  it('names the row the database refuses, by replaying its batch row by row', async () => {
    // Two members may not share an OGP code: the batch fails as a whole, the replay finds the row.
    const summary = await runImport(t.db, rows(record('XB0001', 'XBB'), record('XC0001', 'XBB'), record('XA0009')), commitmentTarget, { dryRun: false });
    expect(summary.written).toBe(false);
    expect(summary.results.map((r) => r.outcome)).toEqual(['created', 'rejected', 'created']);
    expect(summary.results[1]!.reason).toMatch(/unique.*\(Key \(code\)=\(XBB\) already exists\.\)/);
    expect(await commitments()).toEqual(['XA0001', 'XA0002', 'XA0003']);
  });

  it('lists skipped rows with their reason and counts them apart', async () => {
    const skipped: SourceRow<CommitmentRecordInput> = { rowNumber: 5, label: 'XA0010', skipped: 'no text', warnings: [] };
    const summary = await runImport(t.db, [...rows(record('XA0001')), skipped], commitmentTarget, { dryRun: false });
    expect(summary.counts).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0, skipped: 1 });
    expect(summary.written).toBe(true);
    expect(formatImportSummary(summary, 'test').lines).toContain('row 5 XA0010: skipped: no text');
  });

  it('reads a lazy source while it saves, batch after batch, each row once and in order', async () => {
    const read: string[] = [];
    const source = ['XD0001', 'XD0002', 'XD0003', 'XD0004', 'XD0005'].map((id) => record(id, 'XDD'));
    source[2] = { ...source[2]!, texts: { en: { title: '' } } };
    const rows = {
      length: source.length,
      *[Symbol.iterator]() {
        for (const [i, item] of source.entries()) {
          read.push(item.ogpId);
          yield { rowNumber: i + 2, label: item.ogpId, item, warnings: [`read ${item.ogpId}`] };
        }
      },
    };
    const progress: [number, number][] = [];
    const summary = await runImport(t.db, rows, commitmentTarget, {
      dryRun: true, batchSize: 2, onProgress: (done, total) => progress.push([done, total]),
    });
    expect(read).toEqual(['XD0001', 'XD0002', 'XD0003', 'XD0004', 'XD0005']);
    expect(summary.results.map((r) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'created'], [3, 'created'], [4, 'rejected'], [5, 'created'], [6, 'created'],
    ]);
    expect(summary.warnings.map((w) => w.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(progress).toEqual([[0, 5], [2, 5], [5, 5]]);
    expect(summary.written).toBe(false);
  });
});

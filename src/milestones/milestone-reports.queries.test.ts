import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/helpers/database.ts';
import { createPublicReportingDatabase, type WithFixture } from '../../test/helpers/public-reporting-app.ts';
import { findPublicEvidence, findPublicMilestone, findPublicVerdicts, findPublishedReports, latestReport } from './milestone-reports.queries.ts';

let database: WithFixture<TestDatabase>;
beforeAll(async () => { database = await createPublicReportingDatabase(); });
afterAll(async () => { await database.drop(); });

const milestone = async (number: number) => (await findPublicMilestone(database.db, 'KE0031', number))!;

describe('findPublishedReports', () => {
  it('gives one entry per closed round, oldest first, and nothing of the open round', async () => {
    const reports = await findPublishedReports(database.db, (await milestone(1)).id);
    expect(reports.map((r) => [r.round.label, r.status, r.percentComplete, r.late, r.verdict])).toEqual([
      ['2021 Q3', 'in_progress', 40, false, 'confirmed'],
      ['2021 Q4', 'complete', 100, true, 'disputed'],
    ]);
    expect(reports[1]).toMatchObject({ evidenceCount: 2, publicEvidenceCount: 1, confirmedCount: 1, disputedCount: 1 });
    expect(latestReport(reports)?.round.label).toBe('2021 Q4');
  });

  it('keeps a round without a report as missing, and the latest report is the last one given', async () => {
    const reports = await findPublishedReports(database.db, (await milestone(5)).id);
    expect(reports.map((r) => r.status)).toEqual(['complete', 'complete']);
    const none = await findPublishedReports(database.db, (await milestone(3)).id);
    expect(none.map((r) => [r.status, r.reportId])).toEqual([[null, null], [null, null]]);
    expect(latestReport(none)).toBeUndefined();
  });
});

describe('findPublicEvidence', () => {
  it('leaves out the file, address and checksum of restricted items, keeping title and reason', async () => {
    const reports = await findPublishedReports(database.db, (await milestone(1)).id);
    const evidence = await findPublicEvidence(database.db, reports.map((r) => r.reportId!));
    expect(evidence.map((e) => e.title)).toEqual(['Guidance note on open contracting', 'Published guidance notes', 'Guidance notes, final', 'Internal review']);
    expect(evidence[3]).toEqual({
      id: database.fixture.evidence.get('Internal review'), reportId: reports[1]!.reportId, kind: 'link', title: 'Internal review',
      restricted: true, restrictedReason: 'Internal document of the steering committee', file: null, link: null,
    });
    expect(evidence[2]!.file).toEqual({ name: 'guidance-final.pdf', mediaType: 'application/pdf', sizeBytes: 1_572_864 });
    expect(evidence[1]!.link).toMatchObject({ url: 'https://ogp.example.org/guidance', mediaType: 'text/html', error: null });
    expect(evidence[1]!.link!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives nothing for a report of the open round, even asked by id', async () => {
    const open = await database.db.selectFrom('milestone_reports').select('id')
      .where('reporting_round_id', '=', database.fixture.rounds.find((r) => r.label === '2022 Q1')!.id).execute();
    const ids = open.map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(await findPublicEvidence(database.db, ids)).toEqual([]);
    expect(await findPublicVerdicts(database.db, ids)).toEqual([]);
  });
});

describe('findPublicVerdicts', () => {
  it('names reviewers by their institution only', async () => {
    const latest = latestReport(await findPublishedReports(database.db, (await milestone(1)).id))!;
    const verdicts = await findPublicVerdicts(database.db, [latest.reportId!]);
    expect(verdicts.map((v) => [v.verdict, v.institution, v.comment])).toEqual([
      ['confirmed', 'Civil society organisations', null], ['disputed', null, 'Two notes are still drafts.'],
    ]);
  });
});

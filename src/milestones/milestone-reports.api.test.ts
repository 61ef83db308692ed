import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { createPublicReportingApp, type WithFixture } from '../../test/helpers/public-reporting-app.ts';
import { MilestoneReportsWireSchema } from './milestone.schema.ts';

let t: WithFixture<TestApp>;
beforeAll(async () => { t = await createPublicReportingApp(); });
afterAll(async () => { await t.close(); });

async function reports(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('public, max-age=60');
  return MilestoneReportsWireSchema.parse(res.json());
}

describe('GET /api/v1/commitments/{id}/milestones/{number}/reports', () => {
  it('gives what each closed round published, oldest first, in the documented shape', async () => {
    const body = await reports('/api/v1/commitments/ke0031/milestones/1/reports');
    expect(body.commitment).toBe('KE0031');
    expect(body.reports.map((r) => r.round.label)).toEqual(['2021 Q3', '2021 Q4']);
    const [q3, q4] = body.reports;
    expect(q3).toMatchObject({
      round: { id: t.fixture.rounds[0]!.id, deadline: '2021-10-15T23:59:59.999Z', closedAt: '2021-10-20T00:00:00.000Z' },
      status: 'in_progress', percentComplete: 40, late: false, narrativeLocale: 'fr', revision: 1,
      institution: { slug: 'office-of-the-deputy-president', name: 'Office of the Deputy President' },
      verdict: { summary: 'confirmed', confirmed: 1, disputed: 0, insufficientEvidence: 0 },
    });
    expect(q4).toMatchObject({ status: 'complete', late: true, evidenceCount: 2, publicEvidenceCount: 1, verdict: { summary: 'disputed' } });
    expect(q4!.verdicts).toEqual([
      { verdict: 'confirmed', comment: null, institution: 'Civil society organisations', judgedRevision: 1, recordedAt: '2022-01-17T23:59:59.999Z' },
      { verdict: 'disputed', comment: 'Two notes are still drafts.', institution: null, judgedRevision: 1, recordedAt: '2022-01-17T23:59:59.999Z' },
    ]);
  });

  it('gives a public file its address and a fetched link its checksum, and a restricted item only its title and reason', async () => {
    const [q3, q4] = (await reports('/api/v1/commitments/KE0031/milestones/1/reports')).reports;
    const fileId = t.fixture.evidence.get('Guidance notes, final')!;
    expect(q4!.evidence[0]).toEqual({
      id: fileId, kind: 'file', title: 'Guidance notes, final', restricted: false, restrictedReason: null,
      file: { url: `/evidence/${fileId}`, name: 'guidance-final.pdf', mediaType: 'application/pdf', sizeBytes: 1_572_864 }, link: null,
    });
    expect(q4!.evidence[1]).toEqual({
      id: t.fixture.evidence.get('Internal review'), kind: 'link', title: 'Internal review', restricted: true,
      restrictedReason: 'Internal document of the steering committee', file: null, link: null,
    });
    expect(q3!.evidence[1]!.link).toMatchObject({ url: 'https://ogp.example.org/guidance', fetchedAt: '2021-10-01T09:30:00.000Z', error: null });
    const raw = (await t.app.inject('/api/v1/commitments/KE0031/milestones/2/reports')).body;
    expect(raw).toContain('Lists the names and telephone numbers of participants');
    expect(raw).not.toContain('attendance.pdf');
    expect(raw).not.toContain('intranet.example.org');
  });

  it('shows a round without a report as missing, and nothing of the open round', async () => {
    const missing = await reports('/api/v1/commitments/KE0031/milestones/3/reports');
    expect(missing.reports.map((r) => [r.status, r.narrative, r.evidence, r.verdict.summary])).toEqual([[null, null, [], null], [null, null, [], null]]);
    const body = (await t.app.inject('/api/v1/commitments/KE0031/milestones/1/reports')).body;
    expect(body).not.toContain('OPEN ROUND');
    expect(body).not.toContain('2022 Q1');
  });

  it('gives an empty list when no closed round covers the milestone', async () => {
    await t.database.db.deleteFrom('reporting_round_snapshots').where('milestone_id', 'in',
      (eb) => eb.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id').select('m.id')
        .where('c.ogp_id', '=', 'KE0031').where('m.number', '=', 7)).execute();
    expect((await reports('/api/v1/commitments/KE0031/milestones/7/reports')).reports).toEqual([]);
  });

  it('answers an unknown milestone with 404 and a bad number with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/commitments/KE0031/milestones/9/reports')).json())
      .toEqual({ error: { code: 'not_found', message: 'milestone 9 of commitment KE0031 not found' } });
    const bad = await t.app.inject('/api/v1/commitments/KE0031/milestones/first/reports');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'number' });
  });
});

import type { Db } from '../db/connect.ts';
import type { MilestoneReportStatus, Verdict } from '../db/schema.ts';

/** One milestone's report in a round as the report and verdict forms show it: its evidence and every verdict. */
export type ReportDetail = {
  id: string; status: MilestoneReportStatus; percent: number; narrative: string; narrativeLocale: string; revision: number;
  submittedAt: Date; institutionId: string; institutionName: string; submittedBy: string | null;
  evidence: EvidenceView[];
  verdicts: { reviewerId: string; reviewer: string; verdict: Verdict; comment: string | null; revision: number; recordedAt: Date }[];
};

export type EvidenceView = {
  id: string; kind: 'file' | 'link'; title: string; fileName: string | null; url: string | null;
  linkFetchedAt: Date | null; linkError: string | null; restricted: boolean; restrictedReason: string | null;
};

export async function findReport(db: Db, roundId: string, milestoneId: string): Promise<ReportDetail | null> {
  const row = await db.selectFrom('milestone_reports as mr').innerJoin('institutions as i', 'i.id', 'mr.institution_id')
    .leftJoin('accounts as a', 'a.id', 'mr.submitted_by')
    .select(['mr.id', 'mr.status', 'mr.percent_complete', 'mr.narrative', 'mr.narrative_locale', 'mr.revision', 'mr.submitted_at',
      'mr.institution_id', 'i.name as institution', 'a.name as submitter'])
    .where('mr.reporting_round_id', '=', roundId).where('mr.milestone_id', '=', milestoneId).executeTakeFirst();
  if (!row) return null;
  const [evidence, verdicts] = await Promise.all([
    db.selectFrom('evidence_items')
      .select(['id', 'kind', 'title', 'file_name', 'url', 'link_fetched_at', 'link_error', 'restricted', 'restricted_reason'])
      .where('milestone_report_id', '=', row.id).orderBy('id').execute(),
    db.selectFrom('milestone_report_verdicts as v').innerJoin('accounts as a', 'a.id', 'v.reviewer_id')
      .select(['v.reviewer_id', 'a.name', 'v.verdict', 'v.comment', 'v.report_revision', 'v.recorded_at'])
      .where('v.milestone_report_id', '=', row.id).orderBy('v.recorded_at').execute(),
  ]);
  return {
    id: row.id, status: row.status, percent: row.percent_complete, narrative: row.narrative, narrativeLocale: row.narrative_locale,
    revision: row.revision, submittedAt: row.submitted_at, institutionId: row.institution_id, institutionName: row.institution,
    submittedBy: row.submitter,
    evidence: evidence.map((e) => ({
      id: e.id, kind: e.kind, title: e.title, fileName: e.file_name, url: e.url, linkFetchedAt: e.link_fetched_at,
      linkError: e.link_error, restricted: e.restricted, restrictedReason: e.restricted_reason,
    })),
    verdicts: verdicts.map((v) => ({
      reviewerId: v.reviewer_id, reviewer: v.name, verdict: v.verdict, comment: v.comment, revision: v.report_revision, recordedAt: v.recorded_at,
    })),
  };
}

/** The institutions that may report on a milestone (its commitment's lead and supporting ones), for administrators. */
export function reportingInstitutions(db: Db, commitmentId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .select(['i.id', 'i.name']).distinct().where('ci.commitment_id', '=', commitmentId).orderBy('i.name').execute();
}

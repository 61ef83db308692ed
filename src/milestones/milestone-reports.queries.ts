import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { MilestoneReportStatus, Verdict } from '../db/schema.ts';
import type { PartialDateView } from '../commitments/commitment-detail.ts';

/**
 * What the public sees of reporting on one milestone (issue 4 §3): only what closed rounds published, that is their
 * snapshots and the reports, evidence and verdicts those snapshots point to. Reports of an open round never appear
 * here: every read starts from `reporting_round_snapshots`, which a round gets only when it closes.
 */

/** A milestone with what its public page names around it: its commitment, plan and member. */
export type PublicMilestone = {
  id: string; number: number; texts: Record<string, string>;
  start: PartialDateView | null; end: PartialDateView | null;
  /** The end date first planned, when the milestone was re-planned (decision 012). */
  plannedEnd: { date: string; precision: string } | null;
  commitment: { ogpId: string; sourceLocale: string; titles: Record<string, string> };
  member: { slug: string; name: string; kind: string; isoAlpha2: string | null };
  actionPlan: { number: number; startYear: number; endYear: number };
};

/** One closed round's entry for a milestone: the report it published, or none (`status` null: missing). */
export type PublishedReport = {
  round: { id: string; label: string; deadline: Date; closedAt: Date };
  reportId: string | null;
  status: MilestoneReportStatus | null;
  percentComplete: number | null;
  submittedAt: Date | null;
  late: boolean;
  institution: { slug: string; name: string; memberSlug: string | null } | null;
  narrative: string | null; narrativeLocale: string | null; revision: number | null;
  evidenceCount: number; publicEvidenceCount: number;
  verdict: Verdict | null; confirmedCount: number; disputedCount: number; insufficientCount: number;
};

/**
 * A piece of published evidence. A restricted item keeps only its title and the reason: the query itself leaves out
 * its file, URL and checksum, so no caller can show them by mistake.
 */
export type PublicEvidence = {
  id: string; reportId: string; kind: 'file' | 'link'; title: string;
  restricted: boolean; restrictedReason: string | null;
  file: { name: string; mediaType: string; sizeBytes: number } | null;
  link: { url: string; fetchedAt: Date | null; sha256: string | null; mediaType: string | null; error: string | null } | null;
};

/** A civil-society verdict on a published report; reviewers are named by their institution, not as persons. */
export type PublicVerdict = {
  reportId: string; verdict: Verdict; comment: string | null;
  institution: string | null; judgedRevision: number; recordedAt: Date;
};

const partialDate = (date: string | null, precision: string | null, raw: string | null): PartialDateView | null =>
  date && precision ? { date, precision: precision as PartialDateView['precision'], raw } : null;

export async function findPublicMilestone(db: Db, ogpId: string, number: number): Promise<PublicMilestone | undefined> {
  const row = await db.selectFrom('milestones as ms')
    .innerJoin('commitments as c', 'c.id', 'ms.commitment_id')
    .innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'ms.id', 'ms.number', 'ms.start_date', 'ms.start_precision', 'ms.start_raw', 'ms.end_date', 'ms.end_precision', 'ms.end_raw',
      'ms.planned_end_date', 'ms.planned_end_precision', 'c.ogp_id', 'c.source_locale',
      'm.slug as member_slug', 'm.name as member_name', 'm.kind as member_kind', 'm.iso_alpha2',
      'p.number as plan_number', 'p.start_year', 'p.end_year',
      sql<Record<string, string>>`coalesce((select jsonb_object_agg(t.locale, t.text) from milestone_texts t
        where t.milestone_id = ms.id), '{}'::jsonb)`.as('texts'),
      sql<Record<string, string>>`coalesce((select jsonb_object_agg(t.locale, t.title) from commitment_texts t
        where t.commitment_id = c.id), '{}'::jsonb)`.as('titles'),
    ])
    .where('c.ogp_id', '=', ogpId).where('ms.number', '=', number)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, number: row.number, texts: row.texts,
    start: partialDate(row.start_date, row.start_precision, row.start_raw),
    end: partialDate(row.end_date, row.end_precision, row.end_raw),
    plannedEnd: row.planned_end_date && row.planned_end_precision
      ? { date: row.planned_end_date, precision: row.planned_end_precision } : null,
    commitment: { ogpId: row.ogp_id, sourceLocale: row.source_locale, titles: row.titles },
    member: { slug: row.member_slug, name: row.member_name, kind: row.member_kind, isoAlpha2: row.iso_alpha2 },
    actionPlan: { number: row.plan_number, startYear: row.start_year, endYear: row.end_year },
  };
}

/** The milestone's entry in every closed round of its plan, oldest round first. */
export async function findPublishedReports(db: Db, milestoneId: string): Promise<PublishedReport[]> {
  const rows = await db.selectFrom('reporting_round_snapshots as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.reporting_round_id')
    .leftJoin('milestone_reports as mr', 'mr.id', 's.milestone_report_id')
    .leftJoin('institutions as i', 'i.id', 'mr.institution_id')
    .leftJoin('members as im', 'im.id', 'i.member_id')
    .select([
      'r.id as round_id', 'r.label', 'r.deadline', 'r.closed_at', 's.milestone_report_id', 's.status', 's.percent_complete',
      's.submitted_at', 's.late', 's.evidence_count', 's.public_evidence_count', 's.verdict', 's.confirmed_count',
      's.disputed_count', 's.insufficient_count', 'mr.narrative', 'mr.narrative_locale', 'mr.revision',
      'i.slug as institution_slug', 'i.name as institution_name', 'im.slug as institution_member',
    ])
    .where('s.milestone_id', '=', milestoneId).where('r.closed_at', 'is not', null)
    .orderBy('r.closed_at').orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    round: { id: r.round_id, label: r.label, deadline: r.deadline, closedAt: r.closed_at! },
    reportId: r.milestone_report_id,
    status: r.status, percentComplete: r.percent_complete, submittedAt: r.submitted_at, late: r.late,
    institution: r.institution_slug && r.institution_name
      ? { slug: r.institution_slug, name: r.institution_name, memberSlug: r.institution_member } : null,
    narrative: r.narrative, narrativeLocale: r.narrative_locale, revision: r.revision,
    evidenceCount: r.evidence_count, publicEvidenceCount: r.public_evidence_count,
    verdict: r.verdict, confirmedCount: r.confirmed_count, disputedCount: r.disputed_count, insufficientCount: r.insufficient_count,
  }));
}

/** The latest published report that was given (a round where the milestone went unreported has none). */
export function latestReport(reports: PublishedReport[]): PublishedReport | undefined {
  return reports.findLast((r) => r.reportId !== null);
}

/** A column of evidence item `e`, or null when the item is restricted: the public never sees what it points to. */
function unlessRestricted<T, A extends string>(value: RawBuilder<T>, alias: A) {
  return sql<T | null>`case when e.restricted then null else ${value} end`.as(alias);
}

/**
 * The evidence of published reports, in the order it was added. The ids must come from `findPublishedReports`; the
 * join on the snapshot makes sure of it anyway.
 */
export async function findPublicEvidence(db: Db, reportIds: string[]): Promise<PublicEvidence[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('evidence_items as e')
    .innerJoin('reporting_round_snapshots as s', 's.milestone_report_id', 'e.milestone_report_id')
    .leftJoin('evidence_files as f', 'f.sha256', 'e.file_sha256')
    .select([
      'e.id', 'e.milestone_report_id', 'e.kind', 'e.title', 'e.restricted', 'e.restricted_reason',
      unlessRestricted(sql.ref<string>('e.file_name'), 'file_name'),
      unlessRestricted(sql.ref<string>('f.media_type'), 'media_type'),
      unlessRestricted(sql<number>`f.size_bytes::float8`, 'size_bytes'),
      unlessRestricted(sql.ref<string>('e.url'), 'url'),
      unlessRestricted(sql.ref<Date>('e.link_fetched_at'), 'link_fetched_at'),
      unlessRestricted(sql.ref<string>('e.link_sha256'), 'link_sha256'),
      unlessRestricted(sql.ref<string>('e.link_media_type'), 'link_media_type'),
      unlessRestricted(sql.ref<string>('e.link_error'), 'link_error'),
    ])
    .where('e.milestone_report_id', 'in', reportIds)
    .orderBy('e.added_at').orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, reportId: r.milestone_report_id, kind: r.kind, title: r.title,
    restricted: r.restricted, restrictedReason: r.restricted_reason,
    file: r.file_name && r.media_type && r.size_bytes !== null ? { name: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes } : null,
    link: r.url ? { url: r.url, fetchedAt: r.link_fetched_at, sha256: r.link_sha256, mediaType: r.link_media_type, error: r.link_error } : null,
  }));
}

/** The civil-society verdicts on published reports, oldest first. */
export async function findPublicVerdicts(db: Db, reportIds: string[]): Promise<PublicVerdict[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('milestone_report_verdicts as v')
    .innerJoin('reporting_round_snapshots as s', 's.milestone_report_id', 'v.milestone_report_id')
    .leftJoin('institutions as i', 'i.id', 'v.reviewer_institution_id')
    .select(['v.milestone_report_id', 'v.verdict', 'v.comment', 'v.report_revision', 'v.recorded_at', 'i.name as institution'])
    .where('v.milestone_report_id', 'in', reportIds)
    .orderBy('v.recorded_at').orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    reportId: r.milestone_report_id, verdict: r.verdict, comment: r.comment, institution: r.institution,
    judgedRevision: r.report_revision, recordedAt: r.recorded_at,
  }));
}

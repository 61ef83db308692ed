import { z } from 'zod';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { blankAsUndefined, repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { MilestoneRow } from './milestone.queries.ts';
import type { PublicEvidence, PublicVerdict, PublishedReport } from './milestone-reports.queries.ts';
import { presentRoundRef, ReportingRoundRefWireSchema } from '../action-plans/action-plan.schema.ts';
import { evidenceUrl } from '../evidence/evidence-url.ts';

/** Wire shapes of `/api/v1/milestones` (a promise to API clients: change only with a new API version). */
export const PartialDateWireSchema = z.object({
  date: z.iso.date().describe('The first day of the period the source named'),
  precision: z.enum(['day', 'month', 'quarter', 'year']),
  raw: z.string().nullable().describe('The date as the source wrote it'),
}).meta({ id: 'PartialDate', description: 'A date as precise as its source: "March 2021" is the month starting 2021-03-01' });

export const DECLARED_STATUSES = ['new', 'ongoing'] as const;

export const MilestoneWireSchema = z.object({
  commitment: z.string().describe('The OGP id of its commitment'),
  member: z.string().describe('The slug of the member whose commitment it is'),
  number: z.number().int(),
  declaredStatus: z.enum(DECLARED_STATUSES).nullable(),
  start: PartialDateWireSchema.nullable(),
  end: PartialDateWireSchema.nullable(),
  texts: z.record(z.string(), z.string()).describe('The milestone in every language it exists in, by language code'),
}).meta({ id: 'Milestone' });
export type MilestoneWire = z.output<typeof MilestoneWireSchema>;

const isoDate = z.preprocess(blankAsUndefined, z.iso.date().optional());

const MilestoneFilterFields = z.object({
  commitment: repeatable(OgpIdSchema),
  member: repeatable(SlugSchema),
  status: repeatable(z.enum(DECLARED_STATUSES)),
  endFrom: isoDate,
  endTo: isoDate,
});
const endRangeInOrder: [(f: { endFrom?: string | undefined; endTo?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (f) => f.endFrom === undefined || f.endTo === undefined || f.endFrom <= f.endTo,
  { message: 'endFrom is after endTo', path: ['endFrom'] },
];

/**
 * The filters of the milestone list. The end-date range keeps milestones whose end period overlaps it: a milestone
 * due "2022" (the whole year) is kept by `endFrom=2022-06-01`.
 */
export const MilestoneFiltersSchema = MilestoneFilterFields.refine(...endRangeInOrder);
export type MilestoneFilters = z.output<typeof MilestoneFiltersSchema>;

export const MilestoneListQuerySchema = MilestoneFilterFields.extend(PageQuerySchema.shape).refine(...endRangeInOrder);
/** A commitment's own milestones: the same filters but the commitment and member. */
export const CommitmentMilestoneQuerySchema = MilestoneFilterFields.omit({ commitment: true, member: true })
  .extend(PageQuerySchema.shape).refine(...endRangeInOrder);
export const MilestoneKeySchema = z.tuple([z.string(), z.number().int()]);
export const CommitmentIdParamsSchema = z.object({ id: OgpIdSchema });
export const MilestoneParamsSchema = z.object({ id: OgpIdSchema, number: z.coerce.number().int().min(1).max(999) });

export function presentMilestone(row: MilestoneRow): MilestoneWire {
  const date = (d: string | null, precision: string | null, raw: string | null) =>
    d && precision ? { date: d, precision: precision as z.output<typeof PartialDateWireSchema>['precision'], raw } : null;
  return {
    commitment: row.commitment,
    member: row.member,
    number: row.number,
    declaredStatus: row.declaredStatus as MilestoneWire['declaredStatus'],
    start: date(row.startDate, row.startPrecision, row.startRaw),
    end: date(row.endDate, row.endPrecision, row.endRaw),
    texts: row.texts,
  };
}

const VERDICTS = ['confirmed', 'disputed', 'insufficient_evidence'] as const;
const instant = (d: Date | null) => d?.toISOString() ?? null;

/** A piece of published evidence. A restricted item is only named: no file, no address, no checksum. */
export const EvidenceWireSchema = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  restricted: z.boolean(),
  restrictedReason: z.string().nullable().describe('Why the item is not public; set only when restricted'),
  file: z.object({
    url: z.string().describe('Where the file is served, on this site'),
    name: z.string(), mediaType: z.string().describe('Found in the content, not in the name'), sizeBytes: z.number().int(),
  }).nullable().describe('A public file; null for links and restricted items'),
  link: z.object({
    url: z.string(),
    fetchedAt: z.iso.datetime().nullable().describe('When the link was fetched and its checksum recorded'),
    sha256: z.string().nullable(), mediaType: z.string().nullable(),
    error: z.string().nullable().describe('Why the link could not be fetched'),
  }).nullable().describe('A public link; null for files and restricted items'),
}).meta({ id: 'Evidence' });

export const ReportVerdictWireSchema = z.object({
  verdict: z.enum(VERDICTS),
  comment: z.string().nullable(),
  institution: z.string().nullable().describe('The reviewer\'s civil-society organisation; reviewers are not named'),
  judgedRevision: z.number().int().describe('The version of the report judged; lower than the report\'s revision: an earlier version'),
  recordedAt: z.iso.datetime(),
}).meta({ id: 'ReportVerdict' });

export const MilestoneReportWireSchema = z.object({
  round: ReportingRoundRefWireSchema,
  status: z.enum(['not_started', 'in_progress', 'complete', 'withdrawn']).nullable().describe('null: no report was given in the round'),
  percentComplete: z.number().int().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  late: z.boolean(),
  institution: z.object({ slug: z.string(), name: z.string() }).nullable().describe('The institution that reported'),
  narrative: z.string().nullable(),
  narrativeLocale: z.string().nullable(),
  revision: z.number().int().nullable(),
  evidenceCount: z.number().int().describe('Evidence items, restricted ones included'),
  publicEvidenceCount: z.number().int(),
  verdict: z.object({
    summary: z.enum(VERDICTS).nullable().describe('What the round published as civil society\'s verdict; null: not verified'),
    confirmed: z.number().int(), disputed: z.number().int(), insufficientEvidence: z.number().int(),
  }),
  verdicts: z.array(ReportVerdictWireSchema),
  evidence: z.array(EvidenceWireSchema),
}).meta({ id: 'MilestoneReport' });

export const MilestoneReportsWireSchema = z.object({
  commitment: z.string(),
  number: z.number().int(),
  reports: z.array(MilestoneReportWireSchema).describe('One per closed round of the plan, oldest first; open rounds are not public'),
}).meta({ id: 'MilestoneReports' });
export type MilestoneReportsWire = z.output<typeof MilestoneReportsWireSchema>;

export function presentMilestoneReports(
  milestone: { commitment: string; number: number }, reports: PublishedReport[], evidence: PublicEvidence[], verdicts: PublicVerdict[],
): MilestoneReportsWire {
  return {
    ...milestone,
    reports: reports.map((r) => ({
      round: presentRoundRef(r.round),
      status: r.status, percentComplete: r.percentComplete, submittedAt: instant(r.submittedAt), late: r.late,
      institution: r.institution ? { slug: r.institution.slug, name: r.institution.name } : null,
      narrative: r.narrative, narrativeLocale: r.narrativeLocale, revision: r.revision,
      evidenceCount: r.evidenceCount, publicEvidenceCount: r.publicEvidenceCount,
      verdict: { summary: r.verdict, confirmed: r.confirmedCount, disputed: r.disputedCount, insufficientEvidence: r.insufficientCount },
      verdicts: verdicts.filter((v) => v.reportId === r.reportId).map((v) => ({
        verdict: v.verdict, comment: v.comment, institution: v.institution, judgedRevision: v.judgedRevision,
        recordedAt: v.recordedAt.toISOString(),
      })),
      evidence: evidence.filter((e) => e.reportId === r.reportId).map((e) => ({
        id: e.id, kind: e.kind, title: e.title, restricted: e.restricted, restrictedReason: e.restrictedReason,
        file: e.file ? { url: evidenceUrl(e.id), ...e.file } : null,
        link: e.link ? { ...e.link, fetchedAt: instant(e.link.fetchedAt) } : null,
      })),
    })),
  };
}

import { z } from 'zod';
import { IRM_INDICATOR_KEYS, IRM_METHODS, IRM_REPORTS, RATING_STATES, REPORTS_BY_METHOD, isIndicatorValue } from '../irm/indicators.ts';
import { INSTITUTION_KINDS } from '../institutions/institution-kinds.ts';
import { TEXT_LIMITS, tooLongReason } from './text-limits.ts';

/**
 * A commitment with everything around it (member, action plan, institutions, milestones, IRM reviews), as every
 * source brings it in: the OGP page importer, the demo data set, later the dataset and spreadsheet importers.
 * `saveCommitmentRecords` stores a batch of them with set-based SQL (`saveCommitmentRecord`, one).
 */
const text = z.string().trim().min(1);
const optionalText = z.string().trim().min(1).optional();
const contentLocale = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as "en" or "fr"');
/** A text held to the limit the forms set (`TEXT_LIMITS`), so that what is imported can be saved again by hand. */
const limitedText = (max: number, what: string) =>
  text.max(max, { error: (issue) => tooLongReason(String(issue.input), max, what) });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** A date as precise as its source: "February 2021" is the month, stored as its first day. */
export const PartialDateSchema = z.object({
  date: z.iso.date(),
  precision: z.enum(['day', 'month', 'quarter', 'year']),
  raw: text,
});
export type PartialDate = z.infer<typeof PartialDateSchema>;

/**
 * A date as the source wrote it when it could not be read ("Underway", Excel's "7/16/1905"): the words are kept,
 * no date is guessed. Importers warn when they produce one.
 */
export const UnreadDateSchema = z.strictObject({ raw: text });
export const DateAsWrittenSchema = z.union([PartialDateSchema, UnreadDateSchema]);
export type DateAsWritten = z.infer<typeof DateAsWrittenSchema>;

/** Accepts OGP ids in any case ("ke0031") and gives the canonical form ("KE0031"). */
export const OgpIdSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2,4}\d{4}$/, 'an OGP commitment id such as KE0031');

export const MemberSchema = z.object({
  name: text,
  kind: z.enum(['national', 'local', 'legacy_local', 'other']),
  ogpPrefix: z.string().regex(/^[A-Z]{2,4}$/),
  isoAlpha2: z.string().regex(/^[A-Z]{2}$/).optional(),
  code: z.string().regex(/^[A-Z]{3,4}$/).optional(),
  slug,
  region: optionalText,
});

export const ActionPlanSchema = z.object({
  number: z.number().int().min(1).max(99),
  submissionYear: z.number().int().min(2011).max(2100),
  startYear: z.number().int().min(2011).max(2100),
  endYear: z.number().int().min(2012).max(2104),
}).refine((p) => p.endYear - p.startYear >= 1 && p.endYear - p.startYear <= 4, {
  message: 'an action plan lasts 1 to 4 years', path: ['endYear'],
});

const InstitutionSchema = z.object({ name: text, kind: z.enum(INSTITUTION_KINDS) });

const section = limitedText(TEXT_LIMITS.section, 'a section').optional();
const CommitmentTextsSchema = z.object({
  title: limitedText(TEXT_LIMITS.title, 'a title'),
  description: section,
  objectives: section,
  statusQuo: section,
  ambition: section,
  /** The whole text as the source publishes it (OGP's "Full Text"), when it is not cut into the sections above. */
  fullText: optionalText,
});

export const MilestoneSchema = z.object({
  number: z.number().int().min(1),
  declaredStatus: z.enum(['new', 'ongoing']).optional(),
  start: PartialDateSchema.optional(),
  end: PartialDateSchema.optional(),
  texts: z.record(contentLocale, limitedText(TEXT_LIMITS.milestone, "a milestone's text")),
});

const RatingSchema = z.object({
  indicator: z.enum(IRM_INDICATOR_KEYS as [string, ...string[]]),
  state: z.enum(RATING_STATES),
  value: z.string().optional(),
}).superRefine((rating, ctx) => {
  const assessed = rating.state === 'assessed';
  if (assessed && (rating.value === undefined || !isIndicatorValue(rating.indicator as never, rating.value))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `not a value of ${rating.indicator}: ${rating.value}` });
  }
  if (!assessed && rating.value !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `a rating in state ${rating.state} has no value` });
  }
});

const IrmReviewSchema = z.object({
  method: z.enum(IRM_METHODS),
  report: z.enum(IRM_REPORTS),
  publishedOn: z.iso.date().optional(),
  /** When only the year is known (OGP's dataset). */
  publishedYear: z.number().int().min(2011).max(2100).optional(),
  irmNumber: z.number().int().min(1).optional(),
  texts: z.record(contentLocale, z.object({ irmTitle: optionalText, narrative: optionalText })),
  ratings: z.array(RatingSchema),
}).refine((review) => REPORTS_BY_METHOD[review.method].includes(review.report), {
  message: 'the report belongs to the method', path: ['report'],
});

export const CommitmentRecordSchema = z.object({
  member: MemberSchema,
  actionPlan: ActionPlanSchema,
  ogpId: OgpIdSchema,
  numberInPlan: z.number().int().min(1).optional(),
  /** The number as the plan writes it ("2.1", "B.1.A"), when that is not a whole number. */
  numberLabel: optionalText,
  start: DateAsWrittenSchema.optional(),
  end: DateAsWrittenSchema.optional(),
  status: z.enum(['active', 'completed', 'withdrawn']).optional(),
  sourceLocale: contentLocale,
  carriedOverFrom: OgpIdSchema.optional(),
  texts: z.record(contentLocale, CommitmentTextsSchema),
  leadInstitutions: z.array(InstitutionSchema),
  supportingInstitutions: z.array(InstitutionSchema.extend({ actorGroup: z.enum(['government', 'other']) })),
  policyAreas: z.array(slug),
  /** Absent when the source says nothing about milestones (the milestones already stored are kept); [] = none. */
  milestones: z.array(MilestoneSchema).optional(),
  irmReviews: z.array(IrmReviewSchema),
}).refine((c) => c.texts[c.sourceLocale] !== undefined, {
  message: 'the texts include the source language', path: ['texts'],
}).refine((c) => c.ogpId.startsWith(c.member.ogpPrefix), {
  message: "the OGP id starts with the member's prefix", path: ['ogpId'],
});

export type CommitmentRecord = z.infer<typeof CommitmentRecordSchema>;
export type CommitmentRecordInput = z.input<typeof CommitmentRecordSchema>;

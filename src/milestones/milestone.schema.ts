import { z } from 'zod';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { blankAsUndefined, repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { MilestoneRow } from './milestone.queries.ts';

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

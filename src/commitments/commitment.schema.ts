import { z } from 'zod';
import { IRM_INDICATOR_KEYS, IRM_METHODS, IRM_REPORTS, RATING_STATES, type IrmIndicator } from '../irm/indicators.ts';
import { LocaleQuerySchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import { DECLARED_STATUSES, PartialDateWireSchema } from '../milestones/milestone.schema.ts';
import { MEMBER_KINDS } from '../members/member.schema.ts';
import { INSTITUTION_KINDS } from '../institutions/institution-kinds.ts';
import type { CommitmentDetail } from './commitment-detail.ts';
import { CommitmentFiltersSchema } from './commitment-filters.ts';
import type { CommitmentListItem } from './commitment-list.queries.ts';
import { OgpIdSchema } from './commitment-record.ts';

/**
 * Wire shapes of `/api/v1/commitments` (a promise to API clients: change only with a new API version).
 * `CommitmentDetailWireSchema` describes `CommitmentDetail` field for field: the type check at the end of this
 * file fails to compile when one changes without the other.
 */
const byLocale = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const InstitutionRefWireSchema = z.object({
  slug: z.string(), name: z.string(), kind: z.string().describe(`One of ${INSTITUTION_KINDS.join(', ')}`),
}).meta({ id: 'InstitutionRef' });

const UnreadDateWireSchema = z.object({
  date: z.null(), precision: z.null(), raw: z.string().describe('The date as the source wrote it'),
}).meta({ id: 'UnreadDate', description: 'A date the source wrote in words that could not be read as a date ("Underway"): its text only, never a guessed date' });
const DateAsWrittenWireSchema = z.union([PartialDateWireSchema, UnreadDateWireSchema]);

export const CommitmentDetailWireSchema = z.object({
  ogpId: z.string(),
  numberInPlan: z.number().int().nullable(),
  numberLabel: z.string().nullable().describe('The number as the plan writes it ("1.2", "III.4"), when it is not a whole number'),
  start: DateAsWrittenWireSchema.nullable().describe('When the commitment starts, as its source gives it'),
  end: DateAsWrittenWireSchema.nullable().describe('When the commitment ends, as its source gives it'),
  status: z.enum(['active', 'completed', 'withdrawn']).nullable(),
  sourceLocale: z.string().describe('The language the commitment was written in'),
  carriedOverFrom: z.string().nullable().describe('The OGP id of the commitment it continues'),
  member: z.object({
    slug: z.string(), name: z.string(), kind: z.string().describe(`One of ${MEMBER_KINDS.join(', ')}`), ogpPrefix: z.string(),
    isoAlpha2: z.string().nullable(), code: z.string().nullable(),
  }),
  actionPlan: z.object({
    number: z.number().int(), ogpPlanId: z.string().nullable(), submissionYear: z.number().int(),
    startYear: z.number().int(), endYear: z.number().int(),
  }),
  texts: byLocale(z.object({
    title: z.string(), description: z.string().nullable(), objectives: z.string().nullable(),
    statusQuo: z.string().nullable(), ambition: z.string().nullable(),
    fullText: z.string().nullable().describe('The whole text as the source publishes it (OGP\'s "Full Text"), when it has one'),
  })).describe('The commitment in every language it exists in, by language code'),
  leadInstitutions: z.array(InstitutionRefWireSchema),
  supportingInstitutions: z.object({ government: z.array(InstitutionRefWireSchema), other: z.array(InstitutionRefWireSchema) }),
  policyAreas: z.array(z.object({ key: z.string(), label: z.string().describe('In the language `locale` asks for') })),
  milestones: z.array(z.object({
    number: z.number().int(),
    declaredStatus: z.enum(DECLARED_STATUSES).nullable(),
    start: PartialDateWireSchema.nullable(),
    end: PartialDateWireSchema.nullable(),
    texts: byLocale(z.string()),
  })),
  irmReviews: z.array(z.object({
    method: z.enum(IRM_METHODS),
    report: z.enum(IRM_REPORTS),
    publishedOn: z.string().nullable(),
    irmNumber: z.number().int().nullable(),
    sourceLocale: z.string(),
    texts: byLocale(z.object({ irmTitle: z.string().nullable(), narrative: z.string().nullable() })),
    ratings: z.array(z.object({
      indicator: z.enum(IRM_INDICATOR_KEYS as [IrmIndicator, ...IrmIndicator[]]),
      state: z.enum(RATING_STATES),
      value: z.string().nullable(),
    })),
    derived: z.object({ ambition: z.enum(['high', 'low']).nullable(), starred: z.boolean().nullable() }),
  })),
  updatedAt: z.string().describe('When the record was last saved (ISO 8601)'),
}).meta({ id: 'CommitmentDetail' });

export const CommitmentSummaryWireSchema = z.object({
  ogpId: z.string(),
  title: z.string(),
  titleLocale: z.string().describe('The language of the title: the one asked for when it exists, else the source language'),
  member: z.object({ slug: z.string(), name: z.string(), kind: z.enum(MEMBER_KINDS), isoAlpha2: z.string().nullable() }),
  actionPlan: z.object({ number: z.number().int(), startYear: z.number().int(), endYear: z.number().int() }),
  leadInstitutions: z.array(z.string()),
  policyAreas: z.array(z.string()).describe('Policy-area keys (see /api/v1/policy-areas)'),
}).meta({ id: 'CommitmentSummary' });
export type CommitmentSummaryWire = z.output<typeof CommitmentSummaryWireSchema>;

/** Exactly the filters of the list page (`/{locale}/commitments`), plus pagination and the language of titles. */
export const CommitmentListQuerySchema = CommitmentFiltersSchema.safeExtend({ ...PageQuerySchema.shape, ...LocaleQuerySchema.shape });
/** The position after an item: its sort key (plan start year, search rank, or null when sorting by id) and OGP id. */
export const CommitmentKeySchema = z.tuple([z.number().nullable(), z.string()]);
export const CommitmentParamsSchema = z.object({ id: OgpIdSchema });

export function presentCommitmentSummary(item: CommitmentListItem): CommitmentSummaryWire {
  return {
    ogpId: item.ogpId,
    title: item.title,
    titleLocale: item.titleLocale,
    member: { ...item.member, kind: item.member.kind as CommitmentSummaryWire['member']['kind'] },
    actionPlan: item.actionPlan,
    leadInstitutions: item.leadInstitutions,
    policyAreas: item.policyAreas,
  };
}

/** The detail's wire shape is the domain type itself; the schema must say exactly that. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const detailSchemaMatchesType: Equal<z.output<typeof CommitmentDetailWireSchema>, CommitmentDetail> = true;
void detailSchemaMatchesType;

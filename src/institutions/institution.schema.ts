import { z } from 'zod';
import { repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import { INSTITUTION_KINDS, type InstitutionKind } from './institution-kinds.ts';
import type { InstitutionCommitmentRow, InstitutionRow } from './institution-list.queries.ts';

/** Wire shapes of `/api/v1/institutions` (a promise to API clients: change only with a new API version). */
export const InstitutionWireSchema = z.object({
  member: z.object({ slug: z.string(), name: z.string() }),
  slug: z.string().describe('Unique within its member: an institution is named by member and slug'),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  commitmentCounts: z.object({ lead: z.number().int(), supporting: z.number().int() }),
}).meta({ id: 'Institution' });
export type InstitutionWire = z.output<typeof InstitutionWireSchema>;

export const InstitutionDetailWireSchema = InstitutionWireSchema.extend({
  commitments: z.array(z.object({
    ogpId: z.string(),
    role: z.enum(['lead', 'supporting']),
    actorGroup: z.enum(['government', 'other']).nullable().describe('For supporting institutions: government or other actors'),
  })),
}).meta({ id: 'InstitutionDetail' });
export type InstitutionDetailWire = z.output<typeof InstitutionDetailWireSchema>;

/** The filters of the institution list. */
export const InstitutionFiltersSchema = z.object({ member: repeatable(SlugSchema), kind: repeatable(z.enum(INSTITUTION_KINDS)) });
export const InstitutionListQuerySchema = InstitutionFiltersSchema.extend(PageQuerySchema.shape);
export const InstitutionKeySchema = z.tuple([z.string(), z.string()]);
export const InstitutionParamsSchema = z.object({ member: SlugSchema, slug: SlugSchema });

export function presentInstitution(row: InstitutionRow): InstitutionWire {
  return {
    member: { slug: row.memberSlug, name: row.memberName },
    slug: row.slug,
    name: row.name,
    kind: row.kind as InstitutionKind,
    commitmentCounts: { lead: row.leadCount, supporting: row.supportingCount },
  };
}

export function presentInstitutionDetail(row: InstitutionRow, commitments: InstitutionCommitmentRow[]): InstitutionDetailWire {
  return {
    ...presentInstitution(row),
    commitments: commitments.map((c) => ({
      ogpId: c.ogpId,
      role: c.role as 'lead' | 'supporting',
      actorGroup: c.actorGroup as 'government' | 'other' | null,
    })),
  };
}

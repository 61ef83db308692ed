import { z } from 'zod';
import { ogpPlanId } from '../commitments/commitment-detail.ts';
import { repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { ActionPlanCommitment, ActionPlanRow } from './action-plan.queries.ts';

/** Wire shapes of `/api/v1/action-plans` (a promise to API clients: change only with a new API version). */
export const ActionPlanWireSchema = z.object({
  member: z.object({ slug: z.string(), name: z.string() }),
  number: z.number().int(),
  ogpPlanId: z.string().nullable().describe('OGP\'s id: AP_ + member code + number on two digits (AP_KEN04)'),
  submissionYear: z.number().int(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  commitmentCount: z.number().int(),
}).meta({ id: 'ActionPlan' });
export type ActionPlanWire = z.output<typeof ActionPlanWireSchema>;

export const ActionPlanCommitmentWireSchema = z.object({
  ogpId: z.string(),
  numberInPlan: z.number().int().nullable(),
  title: z.string(),
  titleLocale: z.string().describe('The language of the title: the one asked for when it exists, else the source language'),
  leadInstitutions: z.array(z.string()),
  milestoneCount: z.number().int(),
}).meta({ id: 'ActionPlanCommitment' });

export const ActionPlanDetailWireSchema = ActionPlanWireSchema.extend({
  commitments: z.array(ActionPlanCommitmentWireSchema),
}).meta({ id: 'ActionPlanDetail' });
export type ActionPlanDetailWire = z.output<typeof ActionPlanDetailWireSchema>;

/** The filters of the action-plan list. */
export const ActionPlanFiltersSchema = z.object({ member: repeatable(SlugSchema) });
export const ActionPlanListQuerySchema = ActionPlanFiltersSchema.extend(PageQuerySchema.shape);
export const ActionPlanKeySchema = z.tuple([z.string(), z.number().int()]);

export const ActionPlanParamsSchema = z.object({
  member: SlugSchema,
  number: z.coerce.number().int().min(1).max(99),
});

export function presentActionPlan(row: ActionPlanRow): ActionPlanWire {
  return {
    member: { slug: row.memberSlug, name: row.memberName },
    number: row.number,
    ogpPlanId: ogpPlanId(row.memberCode, row.number),
    submissionYear: row.submissionYear,
    startYear: row.startYear,
    endYear: row.endYear,
    commitmentCount: row.commitmentCount,
  };
}

export function presentActionPlanDetail(row: ActionPlanRow, commitments: ActionPlanCommitment[]): ActionPlanDetailWire {
  return {
    ...presentActionPlan(row),
    commitments: commitments.map((c) => ({
      ogpId: c.ogpId, numberInPlan: c.numberInPlan, title: c.title, titleLocale: c.titleLocale,
      leadInstitutions: c.leadInstitutions, milestoneCount: c.milestoneCount,
    })),
  };
}

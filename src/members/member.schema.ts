import { z } from 'zod';
import { ActionPlanWireSchema, presentActionPlan } from '../action-plans/action-plan.schema.ts';
import type { ActionPlanRow } from '../action-plans/action-plan.queries.ts';
import { repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { MemberSummary } from './member.queries.ts';

export const MEMBER_KINDS = ['national', 'local', 'legacy_local', 'other'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Wire shapes of `/api/v1/members` (a promise to API clients: change only with a new API version). */
export const MemberWireSchema = z.object({
  slug: z.string(),
  name: z.string().describe('The name as recorded (the pages show national members in the reader\'s language)'),
  kind: z.enum(MEMBER_KINDS),
  ogpPrefix: z.string().describe('The prefix of its commitments\' OGP ids (KE)'),
  isoAlpha2: z.string().nullable(),
  code: z.string().nullable(),
  actionPlanCount: z.number().int(),
  commitmentCount: z.number().int(),
}).meta({ id: 'Member' });
export type MemberWire = z.output<typeof MemberWireSchema>;

export const MemberDetailWireSchema = MemberWireSchema.extend({
  actionPlans: z.array(ActionPlanWireSchema),
}).meta({ id: 'MemberDetail' });
export type MemberDetailWire = z.output<typeof MemberDetailWireSchema>;

/** The filters of the member list. */
export const MemberFiltersSchema = z.object({ kind: repeatable(z.enum(MEMBER_KINDS)) });
export const MemberListQuerySchema = MemberFiltersSchema.extend(PageQuerySchema.shape);
export const MemberKeySchema = z.tuple([z.string()]);
export const MemberParamsSchema = z.object({ slug: SlugSchema });

export function presentMember(member: MemberSummary): MemberWire {
  return {
    slug: member.slug, name: member.name, kind: member.kind as MemberKind, ogpPrefix: member.ogpPrefix,
    isoAlpha2: member.isoAlpha2, code: member.code, actionPlanCount: member.actionPlanCount, commitmentCount: member.commitmentCount,
  };
}

export function presentMemberDetail(member: MemberSummary, plans: ActionPlanRow[]): MemberDetailWire {
  return { ...presentMember(member), actionPlans: plans.map(presentActionPlan) };
}

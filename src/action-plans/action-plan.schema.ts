import { z } from 'zod';
import { ogpPlanId } from '../commitments/commitment-detail.ts';
import { repeatable, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { ActionPlanCommitment, ActionPlanRow } from './action-plan.queries.ts';
import { share as shareOf, type ClosedRound, type InstitutionReporting } from './action-plan-reporting.queries.ts';

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

/** A closed reporting round as the public API names it; `deadline` and `closedAt` are instants (ISO 8601, UTC). */
export const ReportingRoundRefWireSchema = z.object({
  id: z.string(),
  label: z.string().describe('The round\'s name ("2021 Q3")'),
  deadline: z.iso.datetime(),
  closedAt: z.iso.datetime(),
}).meta({ id: 'ReportingRoundRef' });
export type ReportingRoundRefWire = z.output<typeof ReportingRoundRefWireSchema>;

export const presentRoundRef = (r: ClosedRound): ReportingRoundRefWire => ({
  id: r.id, label: r.label, deadline: r.deadline.toISOString(), closedAt: r.closedAt.toISOString(),
});

const share = z.number().min(0).max(1).nullable();

export const InstitutionReportingWireSchema = z.object({
  institution: z.object({ slug: z.string(), name: z.string() }).nullable()
    .describe('An institution responsible for the milestones (a lead of their commitment: a co-led milestone counts for each lead); null when none is named'),
  due: z.number().int().describe('Reports due: one per milestone and closed round'),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  punctuality: share.describe('onTime / due'),
  claims: z.number().int().describe('Reports saying "in progress" or "complete"'),
  claimsWithEvidence: z.number().int().describe('Claims with at least one evidence item, restricted ones included'),
  evidenceCoverage: share.describe('claimsWithEvidence / claims; null without claims'),
  verification: z.object({
    confirmed: z.number().int(), disputed: z.number().int(), insufficientEvidence: z.number().int(),
    notVerified: z.number().int().describe('Reports no civil-society reviewer gave a verdict on'),
  }).describe('The reports given, by the verdict the closed round published'),
}).meta({ id: 'InstitutionReporting' });

export const ActionPlanReportingWireSchema = z.object({
  member: z.string().describe('The member\'s slug'),
  number: z.number().int(),
  rounds: z.array(ReportingRoundRefWireSchema).describe('The plan\'s closed rounds, newest first'),
  institutions: z.array(InstitutionReportingWireSchema).describe('Figures over every closed round, by institution name'),
}).meta({ id: 'ActionPlanReporting', description: 'What the closed reporting rounds of a plan published; open rounds count for nothing yet' });
export type ActionPlanReportingWire = z.output<typeof ActionPlanReportingWireSchema>;

export function presentActionPlanReporting(
  plan: { memberSlug: string; number: number }, rounds: ClosedRound[], institutions: InstitutionReporting[],
): ActionPlanReportingWire {
  return {
    member: plan.memberSlug, number: plan.number,
    rounds: rounds.map(presentRoundRef),
    institutions: institutions.map((i) => ({
      institution: i.institution ? { slug: i.institution.slug, name: i.institution.name } : null,
      due: i.due, onTime: i.onTime, late: i.late, missing: i.missing, punctuality: shareOf(i.onTime, i.due),
      claims: i.claims, claimsWithEvidence: i.claimsWithEvidence, evidenceCoverage: shareOf(i.claimsWithEvidence, i.claims),
      verification: { confirmed: i.confirmed, disputed: i.disputed, insufficientEvidence: i.insufficientEvidence, notVerified: i.notVerified },
    })),
  };
}

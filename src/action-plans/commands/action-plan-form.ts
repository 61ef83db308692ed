import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../commitments/commands/change-log.ts';
import { REQUIRED } from '../../http/form.ts';

/** A whole number typed in a form, within the bounds the table allows; `message` names what is expected. */
export const wholeNumber = (min: number, max: number, message: string) =>
  z.string({ error: REQUIRED }).trim().min(1, REQUIRED).regex(/^[0-9]{1,6}$/, message).transform(Number)
    .refine((n) => n >= min && n <= max, message);

const planFields = {
  number: wholeNumber(1, 99, 'edit.error.planNumber'),
  submissionYear: wholeNumber(2011, 2100, 'edit.error.year'),
  startYear: wholeNumber(2011, 2100, 'edit.error.year'),
  endYear: wholeNumber(2011, 2100, 'edit.error.year'),
};
function planLength(form: { startYear: number; endYear: number }, ctx: z.RefinementCtx): void {
  if (form.endYear - form.startYear < 1 || form.endYear - form.startYear > 4) {
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'edit.error.planLength' });
  }
}

/**
 * An action plan as its form gives it, with the rules of the `action_plans` table: number 1-99 (unique per member,
 * checked by the commands), years 2011-2100, and a plan that lasts one to four years. An edit may give a reason.
 */
export const ActionPlanForm = z.object(planFields).superRefine(planLength);
export const EditActionPlanForm = z.object({
  ...planFields,
  reason: z.string().trim().max(2000, 'form.error.tooLong').optional().transform((v) => v || null),
}).superRefine(planLength);
export type ActionPlanFields = z.output<typeof ActionPlanForm>;

/** The plan as history stores it. */
export type ActionPlanVersion = Partial<ActionPlanFields>;

export const NUMBER_TAKEN = { number: 'edit.error.planNumberTaken' };

export type MemberTarget = { id: string; slug: string; name: string; kind: string; isoAlpha2: string | null; ogpPrefix: string };
export type ActionPlanTarget = ActionPlanFields & { id: string; memberId: string };

export async function findMemberTarget(db: Db | Trx, slug: string): Promise<MemberTarget | undefined> {
  return db.selectFrom('members').select(['id', 'slug', 'name', 'kind', 'iso_alpha2 as isoAlpha2', 'ogp_prefix as ogpPrefix']).where('slug', '=', slug).executeTakeFirst();
}

/** A member's plan by number; `forUpdate` locks it for a command. */
export async function findActionPlanTarget(db: Db | Trx, memberId: string, number: number, forUpdate = false): Promise<ActionPlanTarget | undefined> {
  let query = db.selectFrom('action_plans')
    .select(['id', 'member_id as memberId', 'number', 'submission_year as submissionYear', 'start_year as startYear', 'end_year as endYear'])
    .where('member_id', '=', memberId).where('number', '=', number);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { ActionPlanForm, NUMBER_TAKEN, type MemberTarget } from './action-plan-form.ts';

/**
 * `create_action_plan`: adds a plan to a member, with its number and years, and records it in the plan's history.
 * A number the member already uses is refused on the number field.
 */
export async function createActionPlan(db: Db, actor: CurrentUser | undefined, member: MemberTarget, body: unknown): Promise<CommandResult & { number?: number }> {
  authorize(actor, 'create_action_plan', 'actionPlan', { memberId: member.id });
  const form = parseForm(ActionPlanForm, body);
  if (!form.ok) return form;
  const plan = form.data;
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('action_plans').values({
      member_id: member.id, number: plan.number, submission_year: plan.submissionYear, start_year: plan.startYear, end_year: plan.endYear,
    }).onConflict((oc) => oc.columns(['member_id', 'number']).doNothing()).returning('id').executeTakeFirst();
    if (!row) return { ok: false as const, errors: NUMBER_TAKEN, values: form.values };
    const changeId = await recordChange(trx, {
      actor, command: 'create_action_plan', entityType: 'action_plan', entityId: row.id, actionPlanId: row.id,
      before: {}, after: plan, reason: null,
    });
    return { ok: true as const, changeIds: [changeId], number: plan.number };
  });
}

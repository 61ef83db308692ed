import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/errors.ts';
import { parseForm } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { EditActionPlanForm, findActionPlanTarget, NUMBER_TAKEN, type ActionPlanFields, type ActionPlanVersion } from './action-plan-form.ts';

const FIELDS = ['number', 'submissionYear', 'startYear', 'endYear'] as const satisfies readonly (keyof ActionPlanFields)[];

/**
 * `edit_action_plan`: changes a plan's number or years, recording the fields that changed and the reason given. A number another plan of
 * the member has is refused on the number field; nothing changed → nothing written. The facets of the plan's
 * commitments follow the new years (trigger of migration 004).
 */
export async function editActionPlan(db: Db, actor: CurrentUser | undefined, memberId: string, number: number, body: unknown): Promise<CommandResult & { number?: number }> {
  const scope = await findActionPlanTarget(db, memberId, number);
  if (!scope) throw notFound('action plan');
  authorize(actor, 'edit_action_plan', 'actionPlan', { actionPlanId: scope.id });
  const form = parseForm(EditActionPlanForm, body);
  if (!form.ok) return form;
  return db.transaction().execute(async (trx): Promise<CommandResult & { number?: number }> => {
    const plan = await findActionPlanTarget(trx, memberId, number, true);
    if (!plan) throw notFound('action plan');
    const before: ActionPlanVersion = {};
    const after: ActionPlanVersion = {};
    for (const field of FIELDS) {
      if (plan[field] !== form.data[field]) { before[field] = plan[field]; after[field] = form.data[field]; }
    }
    if (Object.keys(after).length === 0) return { ok: true, changeIds: [], number };
    if (after.number !== undefined && await findActionPlanTarget(trx, memberId, after.number)) {
      return { ok: false, errors: NUMBER_TAKEN, values: form.values };
    }
    await trx.updateTable('action_plans').set({
      number: form.data.number, submission_year: form.data.submissionYear, start_year: form.data.startYear, end_year: form.data.endYear,
      updated_at: new Date(),
    }).where('id', '=', plan.id).execute();
    const changeId = await recordChange(trx, {
      actor, command: 'edit_action_plan', entityType: 'action_plan', entityId: plan.id, actionPlanId: plan.id, before, after, reason: form.data.reason,
    });
    return { ok: true, changeIds: [changeId], number: form.data.number };
  });
}

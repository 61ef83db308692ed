import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { recordChange, type CommitmentTarget, type Trx } from '../../commitments/commands/change-log.ts';
import { storedDate, type MilestoneRow, type MilestoneVersion, type StoredDate } from './milestone-version.ts';

/**
 * `replan_milestone`: moves a milestone's end date. The first re-plan keeps the end date the plan gave as the
 * planned date (`planned_end_date`), so the public page shows "planned: …, now: …"; every re-plan is a change with
 * its reason, which makes the slippage history. Runs inside the transaction of the edit that asked for it.
 */
export async function replanMilestone(trx: Trx, actor: CurrentUser | undefined, target: CommitmentTarget, milestone: MilestoneRow,
  end: StoredDate, reason: string): Promise<string> {
  authorize(actor, 'replan_milestone', 'milestone', target);
  const oldEnd = storedDate(milestone.end_date, milestone.end_precision);
  const planned = storedDate(milestone.planned_end_date, milestone.planned_end_precision) ?? oldEnd;
  await trx.updateTable('milestones').set({
    end_date: end?.date ?? null, end_precision: end?.precision ?? null, end_raw: null,
    planned_end_date: planned?.date ?? null, planned_end_precision: planned?.precision ?? null,
  }).where('id', '=', milestone.id).execute();
  const before: MilestoneVersion = { end: oldEnd };
  const after: MilestoneVersion = { end, plannedEnd: planned };
  return recordChange(trx, {
    actor, command: 'replan_milestone', entityType: 'milestone', entityId: milestone.id, commitmentId: target.id, before, after, reason,
  });
}

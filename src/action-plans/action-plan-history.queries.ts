import type { Db } from '../db/connect.ts';
import { changesWithReports, toCommitmentChangeView, type CommitmentChangeView } from '../commitments/commitment-history.queries.ts';

/**
 * An entry of a plan's history; one about a commitment of the plan names it, for the link to its own history, and
 * one about a milestone report carries its round (ReportRef), so the plan's tab hides what a commitment's tab hides.
 */
export type PlanChangeView = CommitmentChangeView & { commitmentOgpId: string | null };

/**
 * The changes recorded on an action plan, newest first (decisions 012 and 013): the plan's creation and edits, its
 * reporting rounds, and the changes to its commitments that commands also filed under the plan.
 */
export async function findPlanChanges(db: Db, actionPlanId: string): Promise<PlanChangeView[]> {
  const rows = await changesWithReports(db)
    .leftJoin('commitments as co', 'co.id', 'c.commitment_id')
    .select('co.ogp_id')
    .where('c.action_plan_id', '=', actionPlanId)
    .execute();
  return rows.map((r) => ({ ...toCommitmentChangeView(r), commitmentOgpId: r.ogp_id }));
}

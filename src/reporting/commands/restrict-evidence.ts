import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/errors.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { isId, requireRound, requireRoundMilestone, roundClosed } from './round-target.ts';

export const RestrictEvidenceForm = z.object({
  reason: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(1000, 'form.error.tooLong'),
});

/**
 * `restrict_evidence`: whoever may report on the milestone hides one piece of its evidence from the public, with a
 * reason (a name that should not have been published, a draft). Only while the round is open: once published, the
 * record stays as it was. Restricting is one way; an item restricted by mistake is given again, public.
 */
export async function restrictEvidence(db: Db, actor: CurrentUser | undefined,
  ids: { roundId: string; milestoneId: string; itemId: string }, body: unknown): Promise<CommandResult> {
  const scope = await requireRoundMilestone(db, await requireRound(db, ids.roundId), ids.milestoneId);
  authorize(actor, 'submit_milestone_report', 'reporting', scope);
  const form = parseForm(RestrictEvidenceForm, body);
  if (!form.ok) return form;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const round = await requireRound(trx, ids.roundId, 'share');
    const milestone = await requireRoundMilestone(trx, round, ids.milestoneId);
    if (round.closedAt) return roundClosed(form.values);
    if (!isId(ids.itemId)) throw notFound('evidence');
    const item = await trx.selectFrom('evidence_items as e').innerJoin('milestone_reports as r', 'r.id', 'e.milestone_report_id')
      .select(['e.id', 'e.title', 'e.restricted', 'e.restricted_reason'])
      .where('e.id', '=', ids.itemId).where('r.reporting_round_id', '=', round.id).where('r.milestone_id', '=', milestone.id)
      .forUpdate().executeTakeFirst();
    if (!item) throw notFound('evidence');
    if (item.restricted) return { ok: true, changeIds: [] };
    await trx.updateTable('evidence_items').set({ restricted: true, restricted_reason: form.data.reason }).where('id', '=', item.id).execute();
    const changeId = await recordChange(trx, {
      actor, command: 'restrict_evidence', entityType: 'evidence_item', entityId: item.id,
      commitmentId: milestone.commitmentId, actionPlanId: round.actionPlanId,
      before: { restricted: false }, after: { restricted: true, title: item.title, round: round.label, milestone: milestone.number },
      reason: form.data.reason,
    });
    return { ok: true, changeIds: [changeId] };
  });
}

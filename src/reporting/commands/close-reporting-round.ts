import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { requireRound, roundClosed } from './round-target.ts';
import { writeRoundSnapshot } from './round-snapshot.ts';

/** Closing cannot be undone: the form asks the administrator to tick a confirmation. */
export const CloseRoundForm = z.object({
  confirm: z.literal('yes', { error: 'reporting.error.confirmClose' }),
});

/**
 * `close_reporting_round`: in one transaction, marks the round closed and writes its published snapshot. From then
 * on the triggers of migration 008 refuse any change to its reports, evidence and verdicts.
 */
export async function closeReportingRound(db: Db, actor: CurrentUser | undefined, roundId: string, body: unknown): Promise<CommandResult> {
  authorize(actor, 'close_reporting_round', 'reporting');
  const form = parseForm(CloseRoundForm, body);
  if (!form.ok) return form;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    // Locked for update: a report being written (which holds a share lock) finishes first, and is in the snapshot.
    const round = await requireRound(trx, roundId, 'update');
    if (round.closedAt) return roundClosed(form.values);
    const milestones = await writeRoundSnapshot(trx, round.id);
    const closedAt = new Date();
    await trx.updateTable('reporting_rounds').set({ closed_at: closedAt, closed_by: actor.id }).where('id', '=', round.id).execute();
    const counts = await trx.selectFrom('reporting_round_snapshots')
      .select((eb) => [eb.fn.countAll<number>().as('milestones'), eb.fn.count<number>('status').as('reported')])
      .where('reporting_round_id', '=', round.id).executeTakeFirstOrThrow();
    const changeId = await recordChange(trx, {
      actor, command: 'close_reporting_round', entityType: 'reporting_round', entityId: round.id, actionPlanId: round.actionPlanId,
      before: { closedAt: null },
      after: { closedAt: closedAt.toISOString(), label: round.label, milestones, reported: Number(counts.reported) },
      reason: null,
    });
    return { ok: true, changeIds: [changeId] };
  });
}

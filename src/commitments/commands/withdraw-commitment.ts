import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { recordChange, requireCommitmentTarget, touchCommitment, type CommandResult } from './change-log.ts';

export const WithdrawCommitmentForm = z.object({
  reason: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(2000, 'form.error.tooLong'),
});

/**
 * `withdraw_commitment`: a commitment is never deleted; it is withdrawn, with a reason, and stays on the portal
 * with its history. Withdrawing a withdrawn commitment changes nothing.
 */
export async function withdrawCommitment(db: Db, actor: CurrentUser | undefined, ogpId: string, body: unknown): Promise<CommandResult> {
  const scope = await requireCommitmentTarget(db, ogpId);
  authorize(actor, 'withdraw_commitment', 'commitment', scope);
  const form = parseForm(WithdrawCommitmentForm, body);
  if (!form.ok) return form;
  const changeIds = await db.transaction().execute(async (trx) => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    authorize(actor, 'withdraw_commitment', 'commitment', target);
    if (target.status === 'withdrawn') return [];
    await trx.updateTable('commitments').set({ status: 'withdrawn' }).where('id', '=', target.id).execute();
    await touchCommitment(trx, target.id);
    return [await recordChange(trx, {
      actor, command: 'withdraw_commitment', entityType: 'commitment', entityId: target.id, commitmentId: target.id,
      before: { status: target.status }, after: { status: 'withdrawn' }, reason: form.data.reason,
    })];
  });
  return { ok: true, changeIds };
}

import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { requirePublicationTarget } from './publication-record.ts';

const WithdrawForm = z.object({
  withdrawReason: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(2000, 'form.error.tooLong'),
});

/**
 * `withdraw_publication`: takes a publication off the public pages (or sets a draft aside) with a reason, which
 * its public address then shows. Nothing is deleted; it may be published again. Withdrawing a withdrawn one writes
 * nothing.
 */
export async function withdrawPublication(db: Db, actor: CurrentUser | undefined, slug: string, body: unknown): Promise<CommandResult> {
  const scope = await requirePublicationTarget(db, slug);
  authorize(actor, 'withdraw_publication', 'publication', { publicationId: scope.id });
  const form = parseForm(WithdrawForm, body);
  if (!form.ok) return form;
  const reason = form.data.withdrawReason;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requirePublicationTarget(trx, slug, true);
    if (target.state === 'withdrawn') return { ok: true, changeIds: [] };
    await trx.updateTable('publications').set({ state: 'withdrawn', withdrawn_reason: reason, updated_at: new Date() })
      .where('id', '=', target.id).execute();
    const changeId = await recordChange(trx, {
      actor, command: 'withdraw_publication', entityType: 'publication', entityId: target.id,
      before: { state: target.state }, after: { state: 'withdrawn' }, reason,
    });
    return { ok: true, changeIds: [changeId] };
  });
}

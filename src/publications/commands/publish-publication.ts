import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { requirePublicationTarget } from './publication-record.ts';

/**
 * `publish_publication`: makes a draft, or a withdrawn publication, public. The date published is the day it was
 * first published, kept when it is published again after a withdrawal; publishing a published one writes nothing.
 */
export async function publishPublication(db: Db, actor: CurrentUser | undefined, slug: string): Promise<CommandResult> {
  const scope = await requirePublicationTarget(db, slug);
  authorize(actor, 'publish_publication', 'publication', { publicationId: scope.id });
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requirePublicationTarget(trx, slug, true);
    if (target.state === 'published') return { ok: true, changeIds: [] };
    const publishedOn = target.publishedOn ?? new Date().toISOString().slice(0, 10);
    await trx.updateTable('publications').set({ state: 'published', published_on: publishedOn, withdrawn_reason: null, updated_at: new Date() })
      .where('id', '=', target.id).execute();
    const changeId = await recordChange(trx, {
      actor, command: 'publish_publication', entityType: 'publication', entityId: target.id,
      before: { state: target.state }, after: { state: 'published', publishedOn }, reason: null,
    });
    return { ok: true, changeIds: [changeId] };
  });
}

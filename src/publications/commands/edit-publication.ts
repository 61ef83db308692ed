import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { recordChange, sameJson, type CommandResult } from '../../commitments/commands/change-log.ts';
import { parsePublicationForm, resolveLinks } from './publication-form.ts';
import { readPublicationVersion, requirePublicationTarget, versionOf, writePublicationContent, type PublicationVersion } from './publication-record.ts';

const FIELDS = ['kind', 'texts', 'commitments', 'institutions', 'author'] as const satisfies readonly (keyof PublicationVersion)[];

/**
 * `edit_publication`: changes a publication's kind, texts, links or author, whatever its state (a published one
 * changes on the public pages at once), recording the fields that changed and the reason given. Nothing changed →
 * nothing written.
 */
export async function editPublication(db: Db, actor: CurrentUser | undefined, slug: string, body: unknown): Promise<CommandResult> {
  const scope = await requirePublicationTarget(db, slug);
  authorize(actor, 'edit_publication', 'publication', { publicationId: scope.id });
  const form = parsePublicationForm(body);
  if (!form.ok) return form;
  const fields = form.data;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requirePublicationTarget(trx, slug, true);
    const links = await resolveLinks(trx, fields);
    if (!links.ok) return { ok: false, errors: links.errors, values: form.values };
    const stored = await readPublicationVersion(trx, target);
    const wanted = versionOf(fields.kind, fields.texts, links);
    const changed = FIELDS.filter((field) => !sameJson(stored[field], wanted[field]));
    const before = Object.fromEntries(changed.map((field) => [field, stored[field]]));
    const after = Object.fromEntries(changed.map((field) => [field, wanted[field]]));
    if (changed.length === 0) return { ok: true, changeIds: [] };
    await trx.updateTable('publications').set({ kind: fields.kind, author_institution_id: links.author?.id ?? null, updated_at: new Date() })
      .where('id', '=', target.id).execute();
    await writePublicationContent(trx, target.id, fields.texts, links);
    const changeId = await recordChange(trx, {
      actor, command: 'edit_publication', entityType: 'publication', entityId: target.id, before, after, reason: fields.reason,
    });
    return { ok: true, changeIds: [changeId] };
  });
}

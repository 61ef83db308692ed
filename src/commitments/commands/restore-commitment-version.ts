import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { recordChange, requireCommitmentTarget, sameJson, touchCommitment, type CommandResult } from './change-log.ts';
import { readCommitmentTexts, writeCommitmentTexts, type CommitmentVersion } from './commitment-version.ts';
import { restoreLinks } from './restore-links.ts';

export const RestoreForm = z.object({ change: z.string({ error: REQUIRED }).regex(/^[0-9]{1,18}$/, 'form.error.invalid') });

/** The fields of a history entry's `before` that a restore puts back (restore-links.ts for the last five). */
const RESTORED = ['status', 'texts', 'start', 'end', 'leadInstitution', 'supportingInstitutions', 'policyAreas'];

/** Whether an entry has a version before it that a restore would put back: a creation has none. */
export const restorable = (before: Record<string, unknown>): boolean => RESTORED.some((field) => field in before);

/**
 * `restore_commitment_version`: puts the commitment's status, texts, dates, institutions and policy areas back as
 * they were before an earlier change (that change's `before`), as a new recorded change. A language that did not
 * exist before is left as it is: a restore never deletes a translation. A `change` that is not an entry of the commitment's own history is refused
 * as the form's error, like a malformed one: the commitment exists, the request is what is wrong.
 */
export async function restoreCommitmentVersion(db: Db, actor: CurrentUser | undefined, ogpId: string, body: unknown): Promise<CommandResult> {
  const scope = await requireCommitmentTarget(db, ogpId);
  authorize(actor, 'restore_commitment_version', 'commitment', scope);
  const form = parseForm(RestoreForm, body);
  if (!form.ok) return form;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    authorize(actor, 'restore_commitment_version', 'commitment', target);
    const source = await trx.selectFrom('changes').select(['id', 'before'])
      .where('id', '=', form.data.change).where('entity_type', '=', 'commitment').where('commitment_id', '=', target.id)
      .executeTakeFirst();
    if (!source) return { ok: false, errors: { change: 'form.error.invalid' }, values: form.values };
    const version = source.before as CommitmentVersion;
    const before: CommitmentVersion = {};
    const after: CommitmentVersion = {};
    if ('status' in version && version.status !== target.status) {
      before.status = target.status; after.status = version.status ?? null;
      await trx.updateTable('commitments').set({ status: after.status }).where('id', '=', target.id).execute();
    }
    for (const [locale, texts] of Object.entries(version.texts ?? {})) {
      if (!texts) continue;
      const current = await readCommitmentTexts(trx, target.id, locale);
      if (sameJson(current, texts)) continue;
      (before.texts ??= {})[locale] = current;
      (after.texts ??= {})[locale] = texts;
      await writeCommitmentTexts(trx, target.id, locale, texts);
    }
    const links = await restoreLinks(trx, target.id, source.before as Record<string, unknown>);
    Object.assign(before, links.before);
    Object.assign(after, links.after);
    if (Object.keys(after).length === 0) return { ok: true, changeIds: [] };
    await touchCommitment(trx, target.id);
    return { ok: true, changeIds: [await recordChange(trx, {
      actor, command: 'restore_commitment_version', entityType: 'commitment', entityId: target.id, commitmentId: target.id,
      before, after: { ...after, restoredFrom: source.id }, reason: null,
    })] };
  });
}

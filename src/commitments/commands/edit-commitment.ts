import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { textLanguageField } from '../text-languages.ts';
import { refineLimit, TEXT_LIMITS } from '../text-limits.ts';
import { recordChange, requireCommitmentTarget, sameJson, touchCommitment, type CommandResult } from './change-log.ts';
import { readAllCommitmentTexts, readCommitmentTexts, TEXT_FIELDS, writeCommitmentTexts, type CommitmentTexts, type CommitmentVersion } from './commitment-version.ts';
import { commitmentVersion, staleVersion, VERSION_FIELD } from './edit-version.ts';

const optionalText = z.string().trim().optional().transform((v) => v || null);

/**
 * The edit form: the texts of one language (a new translation or an edit; `textLanguages`), the status, a reason,
 * and the version of the commitment it was opened on (`edit-version.ts`). Each text is held to its limit
 * (`TEXT_LIMITS`) unless it is the one stored (`stored`, by language), sent back unchanged: a title imported before
 * the limit existed does not stop the status from being changed.
 */
export const editCommitmentForm = (sourceLocale: string, stored: Readonly<Record<string, CommitmentTexts>>) => z.object({
  version: VERSION_FIELD,
  lang: textLanguageField(sourceLocale),
  title: z.string({ error: REQUIRED }).trim().min(1, REQUIRED),
  description: optionalText,
  objectives: optionalText,
  statusQuo: optionalText,
  ambition: optionalText,
  // Withdrawal is its own command (with a required reason); "not given" stays possible for imported records.
  status: z.enum(['', 'active', 'completed'], { error: 'form.error.invalid' }).optional().transform((v) => v || null),
  reason: z.string().trim().max(2000, 'form.error.tooLong').optional().transform((v) => v || null),
}).superRefine((form, ctx) => {
  for (const field of TEXT_FIELDS) {
    refineLimit(ctx, field, form[field], field === 'title' ? TEXT_LIMITS.title : TEXT_LIMITS.section, stored[form.lang]?.[field]);
  }
});

/**
 * `edit_commitment`: changes one language's texts and the status of a commitment, and records before/after.
 * Nothing changed → nothing written; opened on an older version of the commitment → nothing written, refused.
 */
export async function editCommitment(db: Db, actor: CurrentUser | undefined, ogpId: string, body: unknown): Promise<CommandResult> {
  const scope = await requireCommitmentTarget(db, ogpId);
  authorize(actor, 'edit_commitment', 'commitment', scope);
  const form = parseForm(editCommitmentForm(scope.sourceLocale, await readAllCommitmentTexts(db, scope.id)), body);
  if (!form.ok) return form;
  const { version, lang, reason, status, ...texts } = form.data;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    authorize(actor, 'edit_commitment', 'commitment', target);
    const current = await commitmentVersion(trx, target.id);
    if (version !== current) return staleVersion('commitment', form.values, current);
    const beforeTexts = await readCommitmentTexts(trx, target.id, lang);
    // A withdrawn commitment stays withdrawn unless the person picks another status.
    const newStatus = status ?? (target.status === 'withdrawn' ? 'withdrawn' : null);
    const before: CommitmentVersion = {};
    const after: CommitmentVersion = {};
    if (newStatus !== target.status) { before.status = target.status; after.status = newStatus; }
    if (!sameJson(beforeTexts, texts)) { before.texts = { [lang]: beforeTexts }; after.texts = { [lang]: texts }; }
    if (Object.keys(after).length === 0) return { ok: true, changeIds: [] };
    if ('status' in after) await trx.updateTable('commitments').set({ status: newStatus }).where('id', '=', target.id).execute();
    if (after.texts) await writeCommitmentTexts(trx, target.id, lang, texts);
    await touchCommitment(trx, target.id);
    return { ok: true, changeIds: [await recordChange(trx, {
      actor, command: 'edit_commitment', entityType: 'commitment', entityId: target.id, commitmentId: target.id, before, after, reason,
    })] };
  });
}

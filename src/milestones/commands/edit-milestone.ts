import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/errors.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { textLanguageField } from '../../commitments/text-languages.ts';
import { refineLimit, TEXT_LIMITS } from '../../commitments/text-limits.ts';
import { recordChange, requireCommitmentTarget, sameJson, touchCommitment, type CommandResult } from '../../commitments/commands/change-log.ts';
import { findMilestoneForUpdate, monthOf, readMilestoneTexts, storedDate, type MilestoneVersion, type StoredDate } from './milestone-version.ts';
import { replanMilestone } from './replan-milestone.ts';
import { MONTH_FIELD, monthDate, refineMonths } from './month-field.ts';
import { milestoneVersion, staleVersion, VERSION_FIELD } from '../../commitments/commands/edit-version.ts';

/**
 * The milestone form: its text in one language (`textLanguages`), declared status, start and end months, a reason,
 * and the version of the milestone it was opened on (`edit-version.ts`). The text is held to its limit unless it is
 * the one stored (`stored`, by language) sent back unchanged, as an imported text longer than the limit may be.
 */
export const editMilestoneForm = (sourceLocale: string, stored: Readonly<Record<string, string>>) => z.object({
  version: VERSION_FIELD,
  lang: textLanguageField(sourceLocale),
  text: z.string({ error: REQUIRED }).trim().min(1, REQUIRED),
  declaredStatus: z.enum(['', 'new', 'ongoing'], { error: 'form.error.invalid' }).optional().transform((v) => v || null),
  start: MONTH_FIELD,
  end: MONTH_FIELD,
  reason: z.string().trim().max(2000, 'form.error.tooLong').optional().transform((v) => v || null),
}).superRefine(refineMonths).superRefine((form, ctx) => refineLimit(ctx, 'text', form.text, TEXT_LIMITS.milestone, stored[form.lang]));

/** The month typed, as a stored date; an unchanged month keeps the stored date (and its precision) as it is. */
const dateFrom = (typed: string, current: StoredDate): StoredDate =>
  typed === monthOf(current) ? current : monthDate(typed);

/**
 * `edit_milestone`: changes one language's text, the declared status and the start month of a milestone; a new
 * end month is a re-plan (`replan_milestone`, reason required) in the same transaction. Each writes its change.
 * Opened on an older version of the milestone (or of its commitment's import) → nothing written, refused.
 */
export async function editMilestone(db: Db, actor: CurrentUser | undefined, ogpId: string, number: number, body: unknown): Promise<CommandResult> {
  const scope = await requireCommitmentTarget(db, ogpId);
  authorize(actor, 'edit_milestone', 'milestone', scope);
  const form = parseForm(editMilestoneForm(scope.sourceLocale, await readMilestoneTexts(db, scope.id, number)), body);
  if (!form.ok) return form;
  const { lang, text, declaredStatus, reason } = form.data;
  const result = await db.transaction().execute(async (trx): Promise<CommandResult> => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    authorize(actor, 'edit_milestone', 'milestone', target);
    const milestone = await findMilestoneForUpdate(trx, target.id, number);
    if (!milestone) throw notFound('milestone');
    const current = await milestoneVersion(trx, target.id, number);
    if (form.data.version !== current) return staleVersion('milestone', form.values, current);
    const oldStart = storedDate(milestone.start_date, milestone.start_precision);
    const oldEnd = storedDate(milestone.end_date, milestone.end_precision);
    const start = dateFrom(form.data.start, oldStart);
    const end = dateFrom(form.data.end, oldEnd);
    const replanned = !sameJson(end, oldEnd);
    if (replanned && !reason) return { ok: false, errors: { reason: 'edit.error.reasonForReplan' }, values: form.values };
    const oldText = (await trx.selectFrom('milestone_texts').select('text')
      .where('milestone_id', '=', milestone.id).where('locale', '=', lang).executeTakeFirst())?.text ?? null;

    const before: MilestoneVersion = {};
    const after: MilestoneVersion = {};
    if (declaredStatus !== milestone.declared_status) { before.declaredStatus = milestone.declared_status; after.declaredStatus = declaredStatus; }
    if (!sameJson(start, oldStart)) { before.start = oldStart; after.start = start; }
    if (text !== oldText) { before.texts = { [lang]: oldText }; after.texts = { [lang]: text }; }
    const changeIds: string[] = [];
    if (Object.keys(after).length > 0) {
      await trx.updateTable('milestones').set({
        declared_status: declaredStatus, start_date: start?.date ?? null, start_precision: start?.precision ?? null,
        ...('start' in after ? { start_raw: null } : {}),
      }).where('id', '=', milestone.id).execute();
      if (after.texts) {
        await trx.insertInto('milestone_texts').values({ milestone_id: milestone.id, locale: lang, text })
          .onConflict((oc) => oc.columns(['milestone_id', 'locale']).doUpdateSet({ text })).execute();
      }
      changeIds.push(await recordChange(trx, {
        actor, command: 'edit_milestone', entityType: 'milestone', entityId: milestone.id, commitmentId: target.id, before, after, reason,
      }));
    }
    if (replanned) changeIds.push(await replanMilestone(trx, actor, target, milestone, end, reason!));
    if (changeIds.length > 0) await touchCommitment(trx, target.id);
    return { ok: true, changeIds };
  });
  return result;
}

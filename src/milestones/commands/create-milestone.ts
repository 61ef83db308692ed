import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { textLanguageField } from '../../commitments/text-languages.ts';
import { TEXT_LIMITS } from '../../commitments/text-limits.ts';
import { recordChange, requireCommitmentTarget, touchCommitment, type CommandResult, type Trx } from '../../commitments/commands/change-log.ts';
import { MONTH_FIELD, monthDate, refineMonths } from './month-field.ts';
import type { MilestoneVersion } from './milestone-version.ts';

/** The new-milestone form: its text in one language (`textLanguages`), its start and end months. */
export const createMilestoneForm = (sourceLocale: string) => z.object({
  lang: textLanguageField(sourceLocale),
  text: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(TEXT_LIMITS.milestone, 'form.error.tooLong'),
  start: MONTH_FIELD,
  end: MONTH_FIELD,
}).superRefine(refineMonths);

/**
 * `create_milestone`: adds the next milestone (number one above the commitment's last) with its text and dates,
 * under the commitment's lock so that two people adding at once get two numbers. Recorded as a milestone change.
 */
export async function createMilestone(db: Db, actor: CurrentUser | undefined, ogpId: string, body: unknown): Promise<CommandResult & { number?: number }> {
  const scope = await requireCommitmentTarget(db, ogpId);
  authorize(actor, 'create_milestone', 'milestone', scope);
  const form = parseForm(createMilestoneForm(scope.sourceLocale), body);
  if (!form.ok) return form;
  const { lang, text } = form.data;
  return db.transaction().execute(async (trx) => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    authorize(actor, 'create_milestone', 'milestone', target);
    const number = await nextMilestoneNumber(trx, target.id);
    const start = monthDate(form.data.start);
    const end = monthDate(form.data.end);
    const row = await trx.insertInto('milestones').values({
      commitment_id: target.id, number,
      start_date: start?.date ?? null, start_precision: start?.precision ?? null, end_date: end?.date ?? null, end_precision: end?.precision ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('milestone_texts').values({ milestone_id: row.id, locale: lang, text }).execute();
    await touchCommitment(trx, target.id);
    const after: MilestoneVersion = { texts: { [lang]: text }, start, end };
    const changeId = await recordChange(trx, {
      actor, command: 'create_milestone', entityType: 'milestone', entityId: row.id, commitmentId: target.id, before: {}, after, reason: null,
    });
    return { ok: true as const, changeIds: [changeId], number };
  });
}

/** The number the next milestone of a commitment takes. */
export async function nextMilestoneNumber(db: Db | Trx, commitmentId: string): Promise<number> {
  const row = await db.selectFrom('milestones').select(sql<number>`coalesce(max(number), 0)::int + 1`.as('next'))
    .where('commitment_id', '=', commitmentId).executeTakeFirstOrThrow();
  return row.next;
}

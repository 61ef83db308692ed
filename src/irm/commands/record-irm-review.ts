import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { choice, parseForm, REQUIRED, type FormValues } from '../../http/form.ts';
import { recordChange, requireCommitmentTarget, touchCommitment, type CommandResult, type Snapshot, type Trx } from '../../commitments/commands/change-log.ts';
import { refineLimit } from '../../commitments/text-limits.ts';
import { methodOfReport } from '../assessable-reports.ts';
import { IRM_INDICATOR_KEYS, IRM_INDICATORS, isRatedByMethod, type IrmIndicator, type IrmMethod, type IrmReport, type RatingState } from '../indicators.ts';

/**
 * `record_irm_review` and `revise_irm_review` (decision 012's commands): an IRM researcher's (or the secretariat's)
 * assessment of a commitment in one IRM report, a rating for each indicator of the report's method, and a short
 * justification in the researcher's language, which the public page shows as the review's narrative.
 */

/** What a form answers for an indicator: one of its values, or a state saying why there is none (shared docs, §1.6). */
const STATES_CHOSEN = ['not_reviewed', 'not_applicable', 'no_data'] as const satisfies readonly RatingState[];

/**
 * An indicator's answers: its values, then the states it may be in instead. Where "not applicable" is one of its
 * values (the per-value "did it open government" indicators), it is offered once, as that value.
 */
export function ratingChoices(indicator: IrmIndicator): { values: readonly string[]; states: readonly string[] } {
  const values = IRM_INDICATORS[indicator] as readonly string[];
  return { values, states: STATES_CHOSEN.filter((state) => !values.includes(state)) };
}

export const methodIndicators = (method: IrmMethod): IrmIndicator[] => IRM_INDICATOR_KEYS.filter((i) => isRatedByMethod(i, method));

/** The longest justification a form takes: a few paragraphs; the report itself holds the full analysis. */
export const JUSTIFICATION_MAX = 3000;
const REASON_MAX = 2000;

/**
 * A stored review as the form shows it: each rating as the answer chosen (a value, or a state), and the justification,
 * which is the narrative in the review's own language (the one it was recorded or imported in).
 */
export type ReviewAsForm = {
  id: string; method: IrmMethod; report: IrmReport; sourceLocale: string; answers: Partial<Record<IrmIndicator, string>>; justification: string | null;
};

export async function findReviewAsForm(db: Db | Trx, commitmentId: string, report: IrmReport): Promise<ReviewAsForm | undefined> {
  const review = await db.selectFrom('irm_reviews as r')
    .leftJoin('irm_review_texts as t', (j) => j.onRef('t.irm_review_id', '=', 'r.id').onRef('t.locale', '=', 'r.source_locale'))
    .select(['r.id', 'r.method', 'r.report', 'r.source_locale', 't.narrative'])
    .where('r.commitment_id', '=', commitmentId).where('r.report', '=', report).executeTakeFirst();
  if (!review) return undefined;
  const ratings = await db.selectFrom('irm_ratings').select(['indicator', 'state', 'value']).where('irm_review_id', '=', review.id).execute();
  const answers: ReviewAsForm['answers'] = {};
  for (const r of ratings) answers[r.indicator as IrmIndicator] = r.value ?? r.state;
  return {
    id: review.id, method: review.method as IrmMethod, report: review.report as IrmReport, sourceLocale: review.source_locale,
    answers, justification: review.narrative ?? null,
  };
}

/**
 * The version a form is opened on (as the edit forms', `edit-version.ts`): "new" while the report has no review of the
 * commitment, else the id of the review's last history entry ("0" for an imported review never changed here).
 */
export async function reviewVersion(db: Db | Trx, review: ReviewAsForm | undefined): Promise<string> {
  if (!review) return 'new';
  const row = await db.selectFrom('changes').select(sql<string>`coalesce(max(id), 0)::text`.as('version'))
    .where('entity_type', '=', 'irm_review').where('entity_id', '=', review.id).executeTakeFirstOrThrow();
  return row.version;
}

/**
 * The form of a report whose method is `method`: an answer for each of its indicators; an indicator of the other
 * method is refused under its own name. A revision needs a reason, which the public history shows.
 */
export const irmReviewForm = (method: IrmMethod, revision: boolean, storedJustification: string | null) => z.object({
  version: z.string().optional(),
  justification: z.string().trim().optional()
    .superRefine((text, ctx) => refineLimit(ctx, 'justification', text, JUSTIFICATION_MAX, storedJustification))
    .transform((v) => v || null),
  reason: revision
    ? z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(REASON_MAX, 'form.error.tooLong')
    : z.string().trim().max(REASON_MAX, 'form.error.tooLong').optional().transform((v) => v || null),
  ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => {
    if (!isRatedByMethod(indicator, method)) return [indicator, z.never({ error: 'irmAssessment.error.otherMethod' }).optional()];
    const { values, states } = ratingChoices(indicator);
    return [indicator, choice([...values, ...states] as [string, ...string[]])];
  })),
});

/** An indicator without a rating reads "not yet reviewed" (the public page says so): saving it as such changes nothing. */
export const unratedAnswers = (method: IrmMethod): Record<string, string> =>
  Object.fromEntries(methodIndicators(method).map((i) => [i, 'not_reviewed']));

/** The history entry's fields: the report, each indicator's answer, the justification (`commitment-history.page.tsx`). */
function snapshotOf(report: IrmReport, answers: ReviewAsForm['answers'], justification: string | null): Snapshot {
  return { report, ...answers, justification };
}

/** Only what differs, with the report on both sides so the entry says which one it is. */
function changedFields(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const keys = Object.keys(after).filter((key) => key !== 'report' && before[key] !== after[key]);
  return {
    before: { report: before.report, ...Object.fromEntries(keys.map((key) => [key, before[key] ?? null])) },
    after: { report: after.report, ...Object.fromEntries(keys.map((key) => [key, after[key]])) },
  };
}

export type IrmReviewResult = CommandResult & { revision?: boolean };

/**
 * Records the commitment's review in `report` (a new one, in `locale`, the researcher's language, or a revision of the
 * stored one, in its own) with its ratings, the justification and a history entry, in one transaction under the
 * commitment's lock. A revision that changes nothing writes nothing; a form opened on another version of the review
 * (someone saved meanwhile, or recorded it first) writes nothing and comes back with the current version.
 */
export async function recordIrmReview(db: Db, actor: CurrentUser | undefined, ogpId: string, report: IrmReport, locale: string,
  body: unknown): Promise<IrmReviewResult> {
  authorize(actor, 'record_irm_review', 'irmReview');
  const scope = await requireCommitmentTarget(db, ogpId);
  const shown = await findReviewAsForm(db, scope.id, report);
  const method = shown?.method ?? methodOfReport(report);
  const form = parseForm(irmReviewForm(method, shown !== undefined, shown?.justification ?? null), body);
  if (!form.ok) {
    // A form opened before someone else recorded this report is stale before it is wrong: its missing reason (a new
    // assessment needs none) is not the sender's mistake.
    const current = await reviewVersion(db, shown);
    return form.values.version === current ? form : stale(form.values, current);
  }
  const { version, justification, reason } = form.data as { version?: string; justification: string | null; reason: string | null };
  const answers = Object.fromEntries(methodIndicators(method).map((i) => [i, String(form.data[i])])) as Record<IrmIndicator, string>;
  return db.transaction().execute(async (trx): Promise<IrmReviewResult> => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    const stored = await findReviewAsForm(trx, target.id, report);
    const current = await reviewVersion(trx, stored);
    if (version !== current) return stale(form.values, current);
    const before = stored ? snapshotOf(report, { ...unratedAnswers(method), ...stored.answers }, stored.justification) : {};
    const after = snapshotOf(report, { ...(stored?.answers ?? {}), ...answers }, justification);
    const change = stored ? changedFields(before, after) : { before, after };
    if (stored && Object.keys(change.after).length === 1) return { ok: true, changeIds: [], revision: true };
    const reviewId = stored?.id ?? await insertReview(trx, target.id, report, method, locale);
    await writeRatings(trx, reviewId, answers);
    await writeJustification(trx, reviewId, stored?.sourceLocale ?? locale, justification);
    await touchCommitment(trx, target.id);
    const changeId = await recordChange(trx, {
      actor, command: stored ? 'revise_irm_review' : 'record_irm_review', entityType: 'irm_review', entityId: reviewId,
      commitmentId: target.id, ...change, reason,
    });
    return { ok: true, changeIds: [changeId], revision: stored !== undefined };
  });
}

const stale = (values: FormValues, current: string): IrmReviewResult => ({
  ok: false, errors: { version: 'irmAssessment.error.conflict' }, values: { ...values, version: current },
});

async function insertReview(trx: Trx, commitmentId: string, report: IrmReport, method: IrmMethod, locale: string): Promise<string> {
  const row = await trx.insertInto('irm_reviews')
    .values({ commitment_id: commitmentId, report, method, source_locale: locale, published_on: null, irm_number: null, published_year: null })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One row per indicator of the method; a rating of the other method an import stored (an "NR") is left as it was. */
async function writeRatings(trx: Trx, reviewId: string, answers: Record<string, string>): Promise<void> {
  const rows = Object.entries(answers).map(([indicator, answer]) => {
    const assessed = (IRM_INDICATORS[indicator as IrmIndicator] as readonly string[]).includes(answer);
    return { irm_review_id: reviewId, indicator, state: assessed ? 'assessed' : answer, value: assessed ? answer : null };
  });
  await trx.insertInto('irm_ratings').values(rows)
    .onConflict((oc) => oc.columns(['irm_review_id', 'indicator']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), value: eb.ref('excluded.value') })))
    .execute();
}

/** The justification is the review's narrative in its own language; the IRM's title of the commitment stays. */
async function writeJustification(trx: Trx, reviewId: string, locale: string, justification: string | null): Promise<void> {
  if (justification === null) {
    await trx.updateTable('irm_review_texts').set({ narrative: null }).where('irm_review_id', '=', reviewId).where('locale', '=', locale).execute();
    return;
  }
  await trx.insertInto('irm_review_texts').values({ irm_review_id: reviewId, locale, irm_title: null, narrative: justification })
    .onConflict((oc) => oc.columns(['irm_review_id', 'locale']).doUpdateSet({ narrative: justification }))
    .execute();
}

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { choice, parseForm, REQUIRED, type FormValues } from '../../http/form.ts';
import { recordChange, requireCommitmentTarget, touchCommitment, type CommandResult, type Snapshot, type Trx } from '../../commitments/commands/change-log.ts';
import { refineLimit } from '../../commitments/text-limits.ts';
import { methodOfReport } from '../assessable-reports.ts';
import { INDICATORS_BY_REPORT, IRM_INDICATOR_KEYS, IRM_INDICATORS, isIndicatorValue, type IrmIndicator, type IrmMethod, type IrmReport, type RatingState } from '../indicators.ts';
import { isSpecificEnough, RELEVANCE } from '../derived.ts';

/**
 * `record_irm_review` and `revise_irm_review` (decision 012's commands): an IRM researcher's (or the secretariat's)
 * assessment of a commitment in one IRM report, a rating for each indicator that report rates, and a short
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
 * The version a form is opened on: "new" while the report has no review of the commitment, else a short hash of what
 * is stored (every rating and the justification). An import rewrites ratings without a history entry, so the version
 * must follow the stored review itself, whoever changed it.
 */
export function reviewVersion(review: ReviewAsForm | undefined): string {
  if (!review) return 'new';
  const stored = JSON.stringify([Object.entries(review.answers).sort(([a], [b]) => a.localeCompare(b)), review.justification]);
  return createHash('sha256').update(stored).digest('base64url').slice(0, 16);
}

/** The stored answers to the indicators `report` rates; others an import stored for it are not the form's. */
export const reportAnswers = (report: IrmReport, answers: ReviewAsForm['answers']): ReviewAsForm['answers'] =>
  Object.fromEntries(INDICATORS_BY_REPORT[report].flatMap((i) => (answers[i] === undefined ? [] : [[i, answers[i]]])));

/**
 * Whether the commitment's Action Plan Review found it not verifiable: the IRM then reviews it no further, so its
 * Results Report rates nothing either (shared docs §1.6).
 */
export async function reviewedNotVerifiable(db: Db | Trx, commitmentId: string): Promise<boolean> {
  const found = await db.selectFrom('irm_reviews as r').innerJoin('irm_ratings as g', 'g.irm_review_id', 'r.id')
    .select('g.value').where('r.commitment_id', '=', commitmentId).where('r.report', '=', 'action_plan_review')
    .where('g.indicator', '=', 'verifiable').where('g.value', '=', 'no').executeTakeFirst();
  return found !== undefined;
}

/**
 * The form of `report`: an answer for each indicator it rates; any other indicator is refused under its own name, as
 * are answers the IRM's rules exclude (`contradictions`). A revision needs a reason, which the public history shows.
 */
export const irmReviewForm = (report: IrmReport, revision: boolean, storedJustification: string | null, notVerifiable = false) => z.object({
  version: z.string().optional(),
  justification: z.string().trim().optional()
    .superRefine((text, ctx) => refineLimit(ctx, 'justification', text, JUSTIFICATION_MAX, storedJustification))
    .transform((v) => v || null),
  reason: revision
    ? z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(REASON_MAX, 'form.error.tooLong')
    : z.string().trim().max(REASON_MAX, 'form.error.tooLong').optional().transform((v) => v || null),
  ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => {
    if (!INDICATORS_BY_REPORT[report].includes(indicator)) return [indicator, z.never({ error: 'irmAssessment.error.notInReport' }).optional()];
    const { values, states } = ratingChoices(indicator);
    return [indicator, choice([...values, ...states] as [string, ...string[]])];
  })),
}).superRefine((answers, ctx) => {
  for (const [path, message] of contradictions(report, answers as Partial<Record<IrmIndicator, string>>, notVerifiable)) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
});

const isValue = (indicator: IrmIndicator, answer: string | undefined): answer is string => answer !== undefined && isIndicatorValue(indicator, answer);

/**
 * Answers the IRM's rules exclude (shared docs §1.6), each under the field to change:
 * - 2020 method: a commitment that is not verifiable is "not reviewable", so the report's other indicators can only
 *   be a state; the Results Report, which does not rate verifiability, follows the Action Plan Review's answer
 *   (`notVerifiable`, from `reviewedNotVerifiable`). The 2012 method still rated such commitments (Low specificity, Verifiable = No) on potential impact
 *   and completion, as the dataset does for every one of them: the rule is not applied there.
 * - 2012 method: Verifiable is Yes exactly when specificity is Medium or High, and the open government lens (OGP's
 *   "_Relevant") Yes exactly when the commitment is relevant to at least one OGP value. Both stay asked: reports of
 *   2017-2019 plans rated verifiability and relevance without specificity or the values, so only an answer that
 *   contradicts a rated one is refused, as `derived.ts` reads them.
 */
export function contradictions(report: IrmReport, answers: Partial<Record<IrmIndicator, string>>, notVerifiable = false): [IrmIndicator, string][] {
  const indicators = INDICATORS_BY_REPORT[report];
  if (methodOfReport(report) === 'irm_2020') {
    const message = report === 'results' ? 'irmAssessment.error.notVerifiableInReview' : 'irmAssessment.error.notVerifiable';
    if (answers.verifiable !== 'no' && !(report === 'results' && notVerifiable)) return [];
    return indicators.filter((i) => i !== 'verifiable' && isValue(i, answers[i])).map((i) => [i, message]);
  }
  const found: [IrmIndicator, string][] = [];
  const { specificity, verifiable, open_government_lens: lens } = answers;
  if (isValue('specificity', specificity) && isValue('verifiable', verifiable) && (verifiable === 'yes') !== isSpecificEnough(specificity)) {
    found.push(['verifiable', 'irmAssessment.error.verifiableBySpecificity']);
  }
  const relevance = RELEVANCE.map((i) => answers[i]);
  const relevant = relevance.includes('yes');
  const irrelevant = relevance.every((answer) => answer === 'no');
  if (indicators.includes('open_government_lens') && ((lens === 'yes' && irrelevant) || (lens === 'no' && relevant))) {
    found.push(['open_government_lens', 'irmAssessment.error.lensByValues']);
  }
  return found;
}

/** An indicator without a rating reads "not yet reviewed" (the public page says so): saving it as such changes nothing. */
export const unratedAnswers = (report: IrmReport): Record<string, string> =>
  Object.fromEntries(INDICATORS_BY_REPORT[report].map((i) => [i, 'not_reviewed']));

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
  const notVerifiable = report === 'results' && await reviewedNotVerifiable(db, scope.id);
  const form = parseForm(irmReviewForm(report, shown !== undefined, shown?.justification ?? null, notVerifiable), body);
  if (!form.ok) {
    // A form opened before someone else recorded this report is stale before it is wrong: its missing reason (a new
    // assessment needs none) is not the sender's mistake.
    const current = reviewVersion(shown);
    return form.values.version === current ? form : stale(form.values, current);
  }
  const { version, justification, reason } = form.data as { version?: string; justification: string | null; reason: string | null };
  const answers = Object.fromEntries(INDICATORS_BY_REPORT[report].map((i) => [i, String(form.data[i])])) as Record<IrmIndicator, string>;
  return db.transaction().execute(async (trx): Promise<IrmReviewResult> => {
    const target = await requireCommitmentTarget(trx, ogpId, true);
    const stored = await findReviewAsForm(trx, target.id, report);
    const current = reviewVersion(stored);
    // The Action Plan Review may have been revised since the form was checked against it.
    const reviewChanged = report === 'results' && notVerifiable !== await reviewedNotVerifiable(trx, target.id);
    if (version !== current || reviewChanged) return stale(form.values, current);
    const before = stored ? snapshotOf(report, { ...unratedAnswers(report), ...reportAnswers(report, stored.answers) }, stored.justification) : {};
    const after = snapshotOf(report, answers, justification);
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

/**
 * One row per indicator the report rates. A rating of another indicator an import stored for this report (an "NR",
 * an "ND") is left as it was: it is the dataset's, and the form never showed it.
 */
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

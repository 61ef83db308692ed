import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import { keptReviewWarning, reviewsRecordedHere } from '../irm/reviews-recorded-here.ts';
import type { CommitmentRecord } from './commitment-record.ts';
import { sameRatings, type Summary } from './import-history.ts';

/** The IRM reviews of a batch of commitment records, saved inside the import's transaction (save-commitment-records.ts). */

type Trx = Transaction<Database>;
/** A record of the batch, saved: its commitment's id, whether it existed before, and what it showed then. */
type ReviewedItem = { record: CommitmentRecord; commitmentId?: string; existed: boolean; stored?: Summary };

/**
 * Reviews a record does not bring are kept: a page shows one report, the dataset another. So is a review recorded in
 * Ahadi (reviewsRecordedHere), with a warning on the record's row.
 */
export async function saveIrmReviews<I extends ReviewedItem>(trx: Trx, items: I[], warnings: Map<I, string[]>): Promise<void> {
  const recorded = await reviewsRecordedHere(trx, items.filter((i) => i.existed && i.record.irmReviews.length > 0).map((i) => i.commitmentId!));
  const reviews = items.flatMap((i) => i.record.irmReviews.flatMap((review) => {
    const who = recorded.get(`${i.commitmentId}:${review.report}`);
    if (who === undefined) {
      return [{ commitmentId: i.commitmentId!, sourceLocale: i.record.sourceLocale, review, existed: i.existed, rated: sameRatings(i.stored?.irm[review.report], review) }];
    }
    warnings.set(i, [...(warnings.get(i) ?? []), keptReviewWarning(i.record.ogpId, review.report, who)]);
    return [];
  }));
  if (reviews.length === 0) return;
  const saved = await sql<{ id: string; commitment_id: string; report: string }>`
    insert into irm_reviews (commitment_id, report, method, published_on, published_year, irm_number, source_locale)
    select * from ${unnest('r', [
      ['commitment_id', 'bigint', reviews.map((r) => r.commitmentId)],
      ['report', 'text', reviews.map((r) => r.review.report)],
      ['method', 'text', reviews.map((r) => r.review.method)],
      ['published_on', 'date', reviews.map((r) => r.review.publishedOn ?? null)],
      ['published_year', 'integer', reviews.map((r) => r.review.publishedYear ?? null)],
      ['irm_number', 'integer', reviews.map((r) => r.review.irmNumber ?? null)],
      ['source_locale', 'text', reviews.map((r) => r.sourceLocale)],
    ])}
    on conflict (commitment_id, report) do update set
      method = excluded.method, published_on = excluded.published_on, published_year = excluded.published_year,
      irm_number = excluded.irm_number, source_locale = excluded.source_locale
    returning id, commitment_id, report`.execute(trx);
  const idOf = new Map(saved.rows.map((r) => [`${r.commitment_id}:${r.report}`, r.id]));
  const withIds = reviews.map((r) => ({ ...r, id: idOf.get(`${r.commitmentId}:${r.review.report}`)! }));
  await saveReviewTexts(trx, withIds);
  await saveRatings(trx, withIds);
}

/** `rated`: the review is stored with these very ratings already. */
type SavedReview = { id: string; review: CommitmentRecord['irmReviews'][number]; existed: boolean; rated: boolean };

async function saveReviewTexts(trx: Trx, reviews: SavedReview[]): Promise<void> {
  const texts = reviews.flatMap((r) => Object.entries(r.review.texts).map(([locale, t]) => ({ id: r.id, locale, ...t })));
  if (texts.length === 0) return;
  await sql`
    insert into irm_review_texts (irm_review_id, locale, irm_title, narrative)
    select * from ${unnest('t', [
      ['irm_review_id', 'bigint', texts.map((t) => t.id)],
      ['locale', 'text', texts.map((t) => t.locale)],
      ['irm_title', 'text', texts.map((t) => t.irmTitle ?? null)],
      ['narrative', 'text', texts.map((t) => t.narrative ?? null)],
    ])}
    on conflict (irm_review_id, locale) do update set irm_title = excluded.irm_title, narrative = excluded.narrative`.execute(trx);
}

/** A review's ratings are replaced only when they changed (an import that updates one rating rewrites one review's). */
async function saveRatings(trx: Trx, all: SavedReview[]): Promise<void> {
  const reviews = all.filter((r) => !r.rated);
  const replaced = reviews.filter((r) => r.existed).map((r) => r.id);
  if (replaced.length > 0) await sql`delete from irm_ratings where irm_review_id = any(${replaced}::bigint[])`.execute(trx);
  const ratings = reviews.flatMap((r) => r.review.ratings.map((rating) => ({ id: r.id, ...rating })));
  if (ratings.length === 0) return;
  await sql`
    insert into irm_ratings (irm_review_id, indicator, state, value)
    select * from ${unnest('r', [
      ['irm_review_id', 'bigint', ratings.map((r) => r.id)],
      ['indicator', 'text', ratings.map((r) => r.indicator)],
      ['state', 'text', ratings.map((r) => r.state)],
      ['value', 'text', ratings.map((r) => r.value ?? null)],
    ])}`.execute(trx);
}

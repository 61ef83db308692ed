import type { Db } from '../../src/db/connect.ts';

export type StoredRating = { state: string; value: string | null };
export type StoredReview = { report: string; method: string; publishedYear: number | null; ratings: Map<string, StoredRating> };
/** OGP id → stage → the review of that stage: design (progress, action plan review) or end (end of term, results). */
export type StoredStages = Map<string, Map<'design' | 'end', StoredReview>>;

/** Every IRM review in the database, by commitment and stage, to compare with a source row by row. */
export async function storedIrmStages(db: Db): Promise<StoredStages> {
  const found = await db.selectFrom('irm_reviews as r').innerJoin('commitments as c', 'c.id', 'r.commitment_id')
    .leftJoin('irm_ratings as x', 'x.irm_review_id', 'r.id')
    .select(['c.ogp_id', 'r.report', 'r.method', 'r.published_year', 'x.indicator', 'x.state', 'x.value']).execute();
  const stored: StoredStages = new Map();
  for (const row of found) {
    const stage = row.report === 'progress' || row.report === 'action_plan_review' || row.report === 'design' ? 'design' : 'end';
    if (!stored.has(row.ogp_id)) stored.set(row.ogp_id, new Map());
    const reviews = stored.get(row.ogp_id)!;
    const known = reviews.get(stage);
    if (known && known.report !== row.report) throw new Error(`${row.ogp_id} has two ${stage} reviews: ${known.report}, ${row.report}`);
    if (!known) reviews.set(stage, { report: row.report, method: row.method, publishedYear: row.published_year, ratings: new Map() });
    if (row.indicator) reviews.get(stage)!.ratings.set(row.indicator, { state: row.state!, value: row.value });
  }
  return stored;
}

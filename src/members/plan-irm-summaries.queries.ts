import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { IRM_INDICATORS } from '../irm/indicators.ts';
import { ambition } from '../irm/derived.ts';
import { readLatestRatings } from '../irm/latest-ratings.ts';

export type CompletionValue = (typeof IRM_INDICATORS.completion)[number];

/** What the IRM found across one action plan's commitments, from each commitment's latest ratings. */
export type PlanIrmSummary = {
  /** Commitments with at least one assessed IRM rating. */
  assessed: number;
  /** Commitments by latest completion rating, in the scale's order; values no commitment has are left out. */
  completion: { value: CompletionValue; count: number }[];
  /** Ambition as OGP derives it (src/irm/derived.ts): commitments rated high and low. */
  ambition: { high: number; low: number };
};

/**
 * IRM summaries of every action plan of a member, keyed by plan number: one query reads the latest ratings of each
 * commitment (`commitment_facets`), and the derived ratings are computed here, never in SQL, so they follow
 * `src/irm/derived.ts`.
 */
export async function findPlanIrmSummaries(db: Db, memberSlug: string): Promise<Map<number, PlanIrmSummary>> {
  const result = await sql<{ number: number; irm_ratings: string[] }>`
    select p.number, irm_ratings_named(f.irm_ratings) as irm_ratings from commitment_facets f
    join action_plans p on p.id = f.action_plan_id
    join members m on m.id = f.member_id
    where m.slug = ${memberSlug}`.execute(db);
  const counts = new Map<number, { assessed: number; completion: Map<string, number>; high: number; low: number }>();
  for (const row of result.rows) {
    let plan = counts.get(row.number);
    if (!plan) counts.set(row.number, plan = { assessed: 0, completion: new Map(), high: 0, low: 0 });
    const { values } = readLatestRatings(row.irm_ratings);
    if (Object.keys(values).length === 0) continue;
    plan.assessed += 1;
    if (values.completion) plan.completion.set(values.completion, (plan.completion.get(values.completion) ?? 0) + 1);
    const level = ambition(values);
    if (level) plan[level] += 1;
  }
  return new Map([...counts].map(([number, plan]) => [number, {
    assessed: plan.assessed,
    completion: IRM_INDICATORS.completion.filter((v) => plan.completion.has(v)).map((value) => ({ value, count: plan.completion.get(value)! })),
    ambition: { high: plan.high, low: plan.low },
  }]));
}

import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CommitmentFilters } from '../commitments/commitment-filters.ts';
import { findCommitmentPage, type ListPosition } from '../commitments/commitment-list.queries.ts';
import { IRM_INDICATOR_KEYS } from '../irm/indicators.ts';
import { readLatestRatings } from '../irm/latest-ratings.ts';
import type { ExportRow } from './export-columns.ts';
import { institutionNames, textsInLocale } from '../commitments/commitment-sql.ts';

/**
 * The commitments of a filtered list as download rows, in the list's order, a batch at a time: the list's own
 * keyset query finds the next ids, one query reads their rows. Nothing holds more than a batch in memory, and no
 * connection is held between batches (a slow client cannot tie up the pool). Each batch sees the data as it is
 * when it runs, like paging through the list by hand.
 */
export async function* exportCommitments(db: Db, filters: CommitmentFilters, locale: string, batchSize = 1000): AsyncGenerator<ExportRow> {
  let position: ListPosition = { offset: 0 };
  for (;;) {
    const hits = await findCommitmentPage(db, filters, position, batchSize);
    if (hits.length > 0) yield* await findExportRows(db, hits.map((h) => h.id), locale);
    if (hits.length < batchSize) return;
    const last = hits.at(-1)!;
    position = { after: { sortKey: last.sortKey, ogpId: last.ogpId } };
  }
}

type Row = {
  id: string; ogp_id: string; member: string; member_code: string | null; action_plan_number: number;
  start_year: number; end_year: number; number_in_plan: number | null; title: string; title_locale: string;
  source_locale: string; lead: string[]; supporting: string[]; policy_areas: string[]; irm_ratings: string[];
  milestone_count: number; updated_at: Date;
};

/** Download rows for commitment ids, in the order given, with titles in the wanted language when they exist. */
export async function findExportRows(db: Db, ids: string[], locale: string): Promise<ExportRow[]> {
  const result = await sql<Row>`
    select c.id, c.ogp_id, m.name as member, m.code as member_code, p.number as action_plan_number,
      p.start_year, p.end_year, c.number_in_plan, t.title, t.locale as title_locale, c.source_locale,
      ${institutionNames('lead')} as lead,
      ${institutionNames('supporting')} as supporting,
      f.policy_areas, f.irm_ratings,
      (select count(*)::int from milestones ms where ms.commitment_id = c.id) as milestone_count,
      c.updated_at
    from commitments c
    join action_plans p on p.id = c.action_plan_id
    join members m on m.id = p.member_id
    join commitment_facets f on f.commitment_id = c.id
    ${textsInLocale(locale)}
    where c.id = any(${ids}::bigint[])`.execute(db);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toExportRow(r)] : [];
  });
}

function toExportRow(r: Row): ExportRow {
  const { entries } = readLatestRatings(r.irm_ratings);
  return {
    ogp_id: r.ogp_id,
    member: r.member,
    member_code: r.member_code,
    action_plan_number: r.action_plan_number,
    start_year: r.start_year,
    end_year: r.end_year,
    number_in_plan: r.number_in_plan,
    title: r.title,
    title_locale: r.title_locale,
    source_locale: r.source_locale,
    lead_institutions: r.lead,
    supporting_institutions: r.supporting,
    // Sorted here, not by the database's collation, so every server gives the same order.
    policy_areas: [...r.policy_areas].sort(),
    milestone_count: r.milestone_count,
    ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => [`irm_${indicator}`, entries[indicator] ?? null])),
    updated_at: r.updated_at.toISOString(),
  };
}

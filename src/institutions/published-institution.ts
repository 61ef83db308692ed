import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { CLOSED_ROUND, PUBLISHED_REPORT } from '../reporting/published-reporting.ts';

/** It leads or supports a commitment, or a published table of reporting names it. */
function namedByPublishedData(id: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from commitment_institutions ci where ci.institution_id = ${id})
    or ${id} in (select institution_id from round_snapshot_institutions where reporting_round_id in (${CLOSED_ROUND}))
    or ${id} in (select responsible_institution_id from reporting_round_snapshots where reporting_round_id in (${CLOSED_ROUND}))
    or ${id} in (select institution_id from milestone_reports where id in (${PUBLISHED_REPORT}))
    or ${id} in (select reviewer_institution_id from milestone_report_verdicts where milestone_report_id in (${PUBLISHED_REPORT})))`;
}

/**
 * Whether the institution `id` is published: it leads or supports a commitment, or a published table of reporting
 * (a closed round's snapshot, a published report or verdict) names it, or it names one such institution merged into
 * it (whose `merged_into_id` the open data then refers to: merges leave no chain, so one step is enough). An import
 * that renames an institution, or names others on its commitments, leaves the old one with none of these: listing
 * it would offer a name that leads nothing. Its own address keeps answering, as links to it were shared. One rule for
 * the API's list and the open-data package, so that every institution either names is in both.
 */
export function publishedInstitution(id: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${namedByPublishedData(id)} or exists (select 1 from institutions former
    where former.merged_into_id = ${id} and ${namedByPublishedData(sql.ref('former.id'))}))`;
}

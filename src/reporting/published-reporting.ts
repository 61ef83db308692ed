import { sql } from 'kysely';

/**
 * What reporting publishes (decision 018): rounds once closed, and the reports their snapshots point to (snapshots
 * are the only door). SQL fragments, shared by the open-data package and the institutions it and the API list.
 */
export const CLOSED_ROUND = sql`select id from reporting_rounds where closed_at is not null`;

export const PUBLISHED_REPORT = sql`select s.milestone_report_id from reporting_round_snapshots s
  where s.milestone_report_id is not null and s.reporting_round_id in (${CLOSED_ROUND})`;

import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables, as Kysely sees them. Kept by hand beside the SQL migrations;
 * `db/schema.test.ts` checks that every table and column here exists in the migrated database.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see connect.ts), never as shifted JS Dates. */
type DateOnly = string;

export type Database = {
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
  members: {
    id: Generated<string>; slug: string; name: string; kind: string; ogp_prefix: string;
    iso_alpha2: string | null; code: string | null; region: string | null;
    created_at: Generated<Date>; updated_at: Timestamp;
  };
  action_plans: {
    id: Generated<string>; member_id: string; number: number; submission_year: number;
    start_year: number; end_year: number; created_at: Generated<Date>; updated_at: Timestamp;
  };
  institutions: {
    id: Generated<string>; member_id: string | null; slug: string; name: string; kind: string;
    created_at: Generated<Date>; updated_at: Timestamp;
  };
  policy_areas: { key: string; parent_key: string | null; position: number };
  policy_area_labels: { policy_area_key: string; locale: string; label: string };
  commitments: {
    id: Generated<string>; ogp_id: string; action_plan_id: string; number_in_plan: number | null;
    status: string | null; source_locale: string; carried_over_from_id: string | null;
    created_at: Generated<Date>; updated_at: Timestamp;
  };
  commitment_texts: {
    commitment_id: string; locale: string; title: string; description: string | null;
    objectives: string | null; status_quo: string | null; ambition: string | null;
  };
  commitment_institutions: {
    commitment_id: string; institution_id: string; role: 'lead' | 'supporting';
    actor_group: 'government' | 'other' | null; position: number;
  };
  commitment_policy_areas: { commitment_id: string; policy_area_key: string };
  milestones: {
    id: Generated<string>; commitment_id: string; number: number; declared_status: string | null;
    start_date: DateOnly | null; start_precision: string | null; start_raw: string | null;
    end_date: DateOnly | null; end_precision: string | null; end_raw: string | null;
  };
  milestone_texts: { milestone_id: string; locale: string; text: string };
  irm_reviews: {
    id: Generated<string>; commitment_id: string; method: string; report: string;
    published_on: DateOnly | null; irm_number: number | null; source_locale: string;
  };
  irm_review_texts: { irm_review_id: string; locale: string; irm_title: string | null; narrative: string | null };
  irm_ratings: { irm_review_id: string; indicator: string; state: string; value: string | null };
};


import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables, as Kysely sees them. Kept by hand beside the SQL migrations;
 * `db/schema.test.ts` checks that every table and column here exists in the migrated database.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see connect.ts), never as shifted JS Dates. */
type DateOnly = string;

export type OutboxKind = 'invitation' | 'password_reset' | 'round_opened' | 'round_deadline_reminder'
  | 'milestone_overdue_reminder' | 'password_changed' | 'second_factor_reset' | 'point_of_contact_handed_over';
export type MilestoneReportStatus = 'not_started' | 'in_progress' | 'complete' | 'withdrawn';
export type Verdict = 'confirmed' | 'disputed' | 'insufficient_evidence';

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
    /** Migration 024: set on a former name or an institution merged away, which now leads to this one. */
    merged_into_id: Generated<string | null>; abbreviation: Generated<string | null>;
  };
  policy_areas: { key: string; parent_key: string | null; position: number };
  policy_area_labels: { policy_area_key: string; locale: string; label: string };
  commitments: {
    id: Generated<string>; ogp_id: string; action_plan_id: string; number_in_plan: number | null;
    status: string | null; source_locale: string; carried_over_from_id: string | null;
    created_at: Generated<Date>; updated_at: Timestamp;
    // Migration 003: the commitment's own dates, its number as written, the hash of the record last saved.
    start_date: DateOnly | null; start_precision: string | null; start_raw: string | null;
    end_date: DateOnly | null; end_precision: string | null; end_raw: string | null;
    number_label: string | null; record_hash: string | null;
  };
  commitment_texts: {
    commitment_id: string; locale: string; title: string; description: string | null;
    objectives: string | null; status_quo: string | null; ambition: string | null;
    full_text: string | null;
    /** Kept by a trigger (migration 004); never written by the app. */
    search_vector: ColumnType<string, never, never>;
  };
  /**
   * One row per commitment, kept by triggers (migration 004): what the commitment list filters, counts and sorts on.
   * IRM ratings are codes of `irm_rating_codes` (migration 023).
   */
  commitment_facets: {
    commitment_id: string; ogp_id: string; member_id: string; member_kind: string; action_plan_id: string;
    plan_start_year: number; plan_end_year: number; policy_areas: string[]; lead_institutions: string[];
    irm_ratings: number[]; milestone_statuses: string[];
  };
  /** A code per IRM rating (`indicator:value` or `indicator:state`), added by the facets' refresh (migration 023). */
  irm_rating_codes: { code: ColumnType<number, never, never>; rating: string };
  /** The whole list's facet counts, kept with commitment_facets (migration 009); read by the unfiltered list. */
  commitment_facet_counts: { dimension: string; value: string; count: number };
  commitment_institutions: {
    commitment_id: string; institution_id: string; role: 'lead' | 'supporting';
    actor_group: 'government' | 'other' | null; position: number;
  };
  commitment_policy_areas: { commitment_id: string; policy_area_key: string };
  milestones: {
    id: Generated<string>; commitment_id: string; number: number; declared_status: string | null;
    start_date: DateOnly | null; start_precision: string | null; start_raw: string | null;
    end_date: DateOnly | null; end_precision: string | null; end_raw: string | null;
    // Migration 007: the end date first planned, kept when a milestone is re-planned.
    planned_end_date: DateOnly | null; planned_end_precision: string | null;
  };
  milestone_texts: { milestone_id: string; locale: string; text: string };
  irm_reviews: {
    id: Generated<string>; commitment_id: string; method: string; report: string;
    published_on: DateOnly | null; irm_number: number | null; source_locale: string;
    published_year: number | null;
  };
  irm_review_texts: { irm_review_id: string; locale: string; irm_title: string | null; narrative: string | null };
  irm_ratings: { irm_review_id: string; indicator: string; state: string; value: string | null };
  // Accounts and roles (migration 005). Token columns hold SHA-256 hex digests, never the tokens themselves.
  accounts: {
    id: Generated<string>; email: string; name: string; password_hash: string;
    role: 'administrator' | 'point_of_contact' | 'civil_society_reviewer' | 'irm_researcher' | null;
    institution_id: string | null; locale: Generated<string>;
    totp_secret: string | null; totp_enabled_at: Date | null; totp_pending_secret: string | null; totp_last_step: string | null;
    created_at: Generated<Date>; updated_at: Timestamp;
    /** Migration 010. */
    last_sign_in_at: Generated<Date | null>;
  };
  sessions: {
    id: Generated<string>; token_hash: string; account_id: string; second_factor_pending: Generated<boolean>;
    created_at: Generated<Date>; last_seen_at: Timestamp; expires_at: Timestamp;
  };
  invitations: {
    id: Generated<string>; email: string; name: string;
    role: 'administrator' | 'point_of_contact' | 'civil_society_reviewer' | 'irm_researcher';
    institution_id: string | null; locale: string; token_hash: string; invited_by: string | null;
    created_at: Generated<Date>; expires_at: Timestamp; accepted_at: Timestamp | null; revoked_at: Timestamp | null;
    account_id: string | null;
  };
  password_resets: {
    id: Generated<string>; account_id: string; token_hash: string; created_at: Generated<Date>;
    expires_at: Timestamp; used_at: Timestamp | null;
  };
  auth_attempts: {
    id: Generated<string>; kind: 'sign_in' | 'second_factor' | 'password_reset'; email: string; ip: string;
    succeeded: Generated<boolean>; attempted_at: Generated<Date>;
  };
  outbox: {
    id: Generated<string>; kind: OutboxKind; to_address: string; subject: string; body_text: string;
    status: 'held' | 'queued' | 'sent' | 'failed'; created_at: Generated<Date>; sent_at: Timestamp | null; error: string | null;
  };
  account_events: {
    id: Generated<string>; occurred_at: Generated<Date>; actor_id: string | null; account_id: string | null;
    institution_id: string | null; kind: string; details: ColumnType<Record<string, unknown>, string | undefined, string>;
  };
  server_secrets: { name: string; secret: Buffer; created_at: Generated<Date> };
  // Recovery codes of two-step sign-in (migration 010): SHA-256 of each code, used once.
  recovery_codes: { id: Generated<string>; account_id: string; code_hash: string; created_at: Generated<Date>; used_at: Timestamp | null };
  // Editing history (migration 007): one row per command, written in the command's transaction.
  changes: {
    id: Generated<string>; occurred_at: Generated<Date>; actor_id: string | null; actor_institution_id: string | null;
    command: 'edit_commitment' | 'withdraw_commitment' | 'restore_commitment_version' | 'edit_milestone' | 'replan_milestone'
      // Migration 008.
      | 'create_action_plan' | 'edit_action_plan' | 'create_commitment' | 'create_milestone' | 'import_commitment'
      | 'import_milestone' | 'remove_milestone_by_import'
      | 'open_reporting_round' | 'close_reporting_round' | 'submit_milestone_report' | 'record_verdict' | 'restrict_evidence'
      // Migration 022.
      | 'record_irm_review' | 'revise_irm_review'
      // Migration 024.
      | 'rename_institution' | 'merge_institution'
      // Migration 025.
      | 'create_publication' | 'edit_publication' | 'publish_publication' | 'withdraw_publication';
    entity_type: 'action_plan' | 'commitment' | 'milestone' | 'reporting_round' | 'milestone_report' | 'evidence_item' | 'irm_review'
      | 'institution' | 'publication';
    entity_id: string;
    /** At least one of the two is set (migration 008): a change belongs to a commitment's history, a plan's, or both. */
    commitment_id: string | null; action_plan_id: string | null;
    before: ColumnType<Record<string, unknown>, string, string>; after: ColumnType<Record<string, unknown>, string, string>;
    reason: string | null;
  };
  // Reporting rounds (migration 008, decision 013).
  reporting_rounds: {
    id: Generated<string>; action_plan_id: string; label: string; deadline: Timestamp;
    opened_at: Generated<Date>; opened_by: string | null; closed_at: Timestamp | null; closed_by: string | null;
  };
  milestone_reports: {
    id: Generated<string>; reporting_round_id: string; milestone_id: string; institution_id: string;
    status: MilestoneReportStatus; percent_complete: number; narrative: string; narrative_locale: string;
    revision: Generated<number>; submitted_by: string | null;
    first_submitted_at: Generated<Date>; submitted_at: Timestamp;
  };
  evidence_files: { sha256: string; size_bytes: string; media_type: string; created_at: Generated<Date> };
  evidence_items: {
    id: Generated<string>; milestone_report_id: string; kind: 'file' | 'link'; title: string;
    file_sha256: string | null; file_name: string | null; url: string | null;
    link_sha256: string | null; link_media_type: string | null; link_fetched_at: Timestamp | null; link_error: string | null;
    restricted: Generated<boolean>; restricted_reason: string | null; added_by: string | null; added_at: Generated<Date>;
  };
  milestone_report_verdicts: {
    id: Generated<string>; milestone_report_id: string; reviewer_id: string; reviewer_institution_id: string | null;
    verdict: Verdict; comment: string | null; report_revision: number; recorded_at: Timestamp;
  };
  reporting_round_snapshots: {
    reporting_round_id: string; milestone_id: string; responsible_institution_id: string | null;
    milestone_report_id: string | null; status: MilestoneReportStatus | null; percent_complete: number | null;
    submitted_at: Timestamp | null; late: Generated<boolean>; evidence_count: Generated<number>;
    public_evidence_count: Generated<number>; verdict: Verdict | null; confirmed_count: Generated<number>;
    disputed_count: Generated<number>; insufficient_count: Generated<number>;
  };
  /** Every institution responsible for a snapshot's milestone, in order; position 0 is its responsible_institution_id. */
  round_snapshot_institutions: { reporting_round_id: string; milestone_id: string; institution_id: string; position: number };
  reminders_sent: {
    id: Generated<string>; kind: 'round_deadline' | 'milestone_overdue'; reporting_round_id: string | null;
    milestone_id: string | null; account_id: string; about_date: DateOnly; sent_at: Generated<Date>;
  };
  // Guidance notes and stories of good practice (migration 025); `author_institution_id` null: the secretariat.
  publications: {
    id: Generated<string>; slug: string; kind: 'guidance_note' | 'story'; state: Generated<'draft' | 'published' | 'withdrawn'>;
    published_on: DateOnly | null; withdrawn_reason: string | null; author_institution_id: string | null;
    created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  publication_texts: { publication_id: string; locale: string; title: string; body: string };
  publication_commitments: { publication_id: string; commitment_id: string };
  publication_institutions: { publication_id: string; institution_id: string };
};

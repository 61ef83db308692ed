import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';

const t = useTestDatabase();

// Columns that schema.ts declares, per table. Kept beside the types so a migration that renames a column fails here.
const DECLARED = {
  members: ['id', 'slug', 'name', 'kind', 'ogp_prefix', 'iso_alpha2', 'code', 'region', 'created_at', 'updated_at'],
  action_plans: ['id', 'member_id', 'number', 'submission_year', 'start_year', 'end_year', 'created_at', 'updated_at'],
  commitments: ['id', 'ogp_id', 'action_plan_id', 'number_in_plan', 'status', 'source_locale', 'carried_over_from_id', 'created_at', 'updated_at',
    'start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw', 'number_label', 'record_hash'],
  milestones: ['id', 'commitment_id', 'number', 'declared_status', 'start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw',
    'planned_end_date', 'planned_end_precision'],
  changes: ['id', 'occurred_at', 'actor_id', 'actor_institution_id', 'command', 'entity_type', 'entity_id', 'commitment_id', 'before', 'after', 'reason',
    'action_plan_id'],
  irm_ratings: ['irm_review_id', 'indicator', 'state', 'value'],
  accounts: ['id', 'email', 'name', 'password_hash', 'role', 'institution_id', 'locale', 'totp_secret', 'totp_enabled_at',
    'totp_pending_secret', 'totp_last_step', 'created_at', 'updated_at', 'last_sign_in_at'],
  recovery_codes: ['id', 'account_id', 'code_hash', 'created_at', 'used_at'],
  sessions: ['id', 'token_hash', 'account_id', 'second_factor_pending', 'created_at', 'last_seen_at', 'expires_at'],
  invitations: ['id', 'email', 'name', 'role', 'institution_id', 'locale', 'token_hash', 'invited_by', 'created_at', 'expires_at',
    'accepted_at', 'revoked_at', 'account_id'],
  password_resets: ['id', 'account_id', 'token_hash', 'created_at', 'expires_at', 'used_at'],
  auth_attempts: ['id', 'kind', 'email', 'ip', 'succeeded', 'attempted_at'],
  outbox: ['id', 'kind', 'to_address', 'subject', 'body_text', 'status', 'created_at', 'sent_at', 'error'],
  account_events: ['id', 'occurred_at', 'actor_id', 'account_id', 'institution_id', 'kind', 'details'],
  server_secrets: ['name', 'secret', 'created_at'],
  reporting_rounds: ['id', 'action_plan_id', 'label', 'deadline', 'opened_at', 'opened_by', 'closed_at', 'closed_by'],
  milestone_reports: ['id', 'reporting_round_id', 'milestone_id', 'institution_id', 'status', 'percent_complete', 'narrative',
    'narrative_locale', 'revision', 'submitted_by', 'first_submitted_at', 'submitted_at'],
  evidence_files: ['sha256', 'size_bytes', 'media_type', 'created_at'],
  evidence_items: ['id', 'milestone_report_id', 'kind', 'title', 'file_sha256', 'file_name', 'url', 'link_sha256', 'link_media_type',
    'link_fetched_at', 'link_error', 'restricted', 'restricted_reason', 'added_by', 'added_at'],
  milestone_report_verdicts: ['id', 'milestone_report_id', 'reviewer_id', 'reviewer_institution_id', 'verdict', 'comment',
    'report_revision', 'recorded_at'],
  reporting_round_snapshots: ['reporting_round_id', 'milestone_id', 'responsible_institution_id', 'milestone_report_id', 'status',
    'percent_complete', 'submitted_at', 'late', 'evidence_count', 'public_evidence_count', 'verdict', 'confirmed_count',
    'disputed_count', 'insufficient_count'],
  round_snapshot_institutions: ['reporting_round_id', 'milestone_id', 'institution_id', 'position'],
  reminders_sent: ['id', 'kind', 'reporting_round_id', 'milestone_id', 'account_id', 'about_date', 'sent_at'],
  irm_reviews: ['id', 'commitment_id', 'method', 'report', 'published_on', 'irm_number', 'source_locale', 'published_year'],
};

describe('database schema', () => {
  it('keeps accounts to the rules of roles and stores no plain tokens', async () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA';
    const insert = (role: string | null, institution: string | null, email = 'a@example.org') =>
      sql`insert into accounts (email, name, password_hash, role, institution_id) values (${email}, 'A', ${hash}, ${role}, ${institution})`.execute(t.db);
    await expect(insert('point_of_contact', null)).rejects.toThrow(/check constraint/);
    await expect(insert('emperor', null)).rejects.toThrow(/check constraint/);
    await expect(insert('irm_researcher', null, 'Upper@Example.org')).rejects.toThrow(/check constraint/);
    await expect(sql`insert into accounts (email, name, password_hash) values ('b@example.org', 'B', 'plain text')`.execute(t.db)).rejects.toThrow(/check constraint/);
    await expect(insert('administrator', null)).resolves.toBeDefined();
    await expect(insert('irm_researcher', null)).rejects.toThrow(/unique/);
    await expect(sql`insert into sessions (token_hash, account_id, expires_at) select 'a-plain-token', id, now() from accounts`.execute(t.db)).rejects.toThrow(/check constraint/);
  });

  it('has the columns the query layer is typed for', async () => {
    for (const [table, columns] of Object.entries(DECLARED)) {
      const found = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table}`.execute(t.db);
      expect(found.rows.map((r) => r.column_name).sort(), table).toEqual([...columns].sort());
    }
  });

  it('refuses rows that break the rules of the domain', async () => {
    await expect(sql`insert into members (slug, name, kind, ogp_prefix) values ('Bad Slug', 'X', 'national', 'XX')`.execute(t.db)).rejects.toThrow(/check constraint/);
    await expect(sql`insert into members (slug, name, kind, ogp_prefix) values ('x', 'X', 'planet', 'XX')`.execute(t.db)).rejects.toThrow(/check constraint/);
    // A commitment date is either read (date and precision) or kept as written only; never a date without precision.
    await sql`insert into members (slug, name, kind, ogp_prefix) values ('x', 'X', 'national', 'XX')`.execute(t.db);
    await sql`insert into action_plans (member_id, number, submission_year, start_year, end_year) select id, 1, 2020, 2020, 2022 from members where slug = 'x'`.execute(t.db);
    await expect(sql`insert into commitments (ogp_id, action_plan_id, source_locale, start_date) select 'XX0001', id, 'en', '2020-01-01' from action_plans`.execute(t.db)).rejects.toThrow(/commitments_start_precision/);
    await expect(sql`insert into commitments (ogp_id, action_plan_id, source_locale, start_raw) select 'XX0001', id, 'en', 'Underway' from action_plans`.execute(t.db)).resolves.toBeDefined();
  });

  it('freezes a closed reporting round: no new report, revision, evidence or verdict', async () => {
    await sql`insert into members (slug, name, kind, ogp_prefix) values ('r', 'R', 'national', 'RR')`.execute(t.db);
    await sql`insert into action_plans (member_id, number, submission_year, start_year, end_year) select id, 1, 2020, 2020, 2022 from members where slug = 'r'`.execute(t.db);
    await sql`insert into commitments (ogp_id, action_plan_id, source_locale) select 'RR0001', ap.id, 'en' from action_plans ap join members m on m.id = ap.member_id where m.slug = 'r'`.execute(t.db);
    await sql`insert into milestones (commitment_id, number) select id, n from commitments, generate_series(1, 2) n where ogp_id = 'RR0001'`.execute(t.db);
    await sql`insert into institutions (slug, name, kind) values ('office', 'Office', 'ministry')`.execute(t.db);
    await sql`insert into reporting_rounds (action_plan_id, label, deadline) select ap.id, '2021 Q3', now() from action_plans ap join members m on m.id = ap.member_id where m.slug = 'r'`.execute(t.db);
    const report = (milestone: number) => sql`insert into milestone_reports (reporting_round_id, milestone_id, institution_id, status, percent_complete, narrative, narrative_locale)
      select r.id, ms.id, i.id, 'in_progress', 40, 'Drafted.', 'en' from reporting_rounds r, milestones ms join commitments c on c.id = ms.commitment_id, institutions i
      where r.label = '2021 Q3' and c.ogp_id = 'RR0001' and ms.number = ${milestone} and i.slug = 'office'`.execute(t.db);
    await report(1);
    await expect(sql`update milestone_reports set status = 'complete', percent_complete = 40`.execute(t.db)).rejects.toThrow(/check constraint/);
    await sql`update reporting_rounds set closed_at = now()`.execute(t.db);
    await expect(report(2)).rejects.toThrow(/is closed/);
    await expect(sql`update milestone_reports set percent_complete = 50`.execute(t.db)).rejects.toThrow(/is closed/);
    await expect(sql`insert into evidence_items (milestone_report_id, kind, title, url) select id, 'link', 'Minutes', 'https://example.org' from milestone_reports`.execute(t.db)).rejects.toThrow(/is closed/);
    // A second round may open once the first is closed, never two at once.
    await sql`insert into reporting_rounds (action_plan_id, label, deadline) select action_plan_id, '2021 Q4', now() from reporting_rounds`.execute(t.db);
    await expect(sql`insert into reporting_rounds (action_plan_id, label, deadline) select action_plan_id, '2022 Q1', now() from reporting_rounds where label = '2021 Q4'`.execute(t.db)).rejects.toThrow(/reporting_rounds_one_open/);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

// Columns that schema.ts declares, per table. Kept beside the types so a migration that renames a column fails here.
const DECLARED = {
  members: ['id', 'slug', 'name', 'kind', 'ogp_prefix', 'iso_alpha2', 'code', 'region', 'created_at', 'updated_at'],
  action_plans: ['id', 'member_id', 'number', 'submission_year', 'start_year', 'end_year', 'created_at', 'updated_at'],
  commitments: ['id', 'ogp_id', 'action_plan_id', 'number_in_plan', 'status', 'source_locale', 'carried_over_from_id', 'created_at', 'updated_at',
    'start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw', 'number_label', 'record_hash'],
  milestones: ['id', 'commitment_id', 'number', 'declared_status', 'start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw',
    'planned_end_date', 'planned_end_precision'],
  changes: ['id', 'occurred_at', 'actor_id', 'actor_institution_id', 'command', 'entity_type', 'entity_id', 'commitment_id', 'before', 'after', 'reason'],
  irm_ratings: ['irm_review_id', 'indicator', 'state', 'value'],
  accounts: ['id', 'email', 'name', 'password_hash', 'role', 'institution_id', 'locale', 'totp_secret', 'totp_enabled_at',
    'totp_pending_secret', 'totp_last_step', 'created_at', 'updated_at'],
  sessions: ['id', 'token_hash', 'account_id', 'second_factor_pending', 'created_at', 'last_seen_at', 'expires_at'],
  invitations: ['id', 'email', 'name', 'role', 'institution_id', 'locale', 'token_hash', 'invited_by', 'created_at', 'expires_at',
    'accepted_at', 'revoked_at', 'account_id'],
  password_resets: ['id', 'account_id', 'token_hash', 'created_at', 'expires_at', 'used_at'],
  auth_attempts: ['id', 'kind', 'email', 'ip', 'succeeded', 'attempted_at'],
  outbox: ['id', 'kind', 'to_address', 'subject', 'body_text', 'status', 'created_at', 'sent_at', 'error'],
  account_events: ['id', 'occurred_at', 'actor_id', 'account_id', 'institution_id', 'kind', 'details'],
  server_secrets: ['name', 'secret', 'created_at'],
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
});

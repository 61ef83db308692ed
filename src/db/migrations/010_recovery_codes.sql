-- Issue 4 §1 gaps: recovery codes for two-step sign-in, an administrator's reset of a lost second factor, the
-- password changed while signed in (with its e-mail notice), and the time of each account's last sign-in.

-- Ten one-time codes per account, made when TOTP is turned on (or regenerated). A code has 80 random bits, so its
-- SHA-256 is enough to keep it from a copy of the database (as for session tokens); argon2id would only slow
-- sign-in down, since a salted hash cannot be looked up. A used code keeps its row, with `used_at`.
create table recovery_codes (
  id          bigint generated always as identity primary key,
  account_id  bigint not null references accounts(id) on delete cascade,
  code_hash   text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz not null default now(),
  used_at     timestamptz,
  unique (account_id, code_hash)
);

-- Set on every completed sign-in (after the second factor when there is one), for the administrators' list.
alter table accounts add column last_sign_in_at timestamptz;

alter table account_events drop constraint account_events_kind_check;
alter table account_events add constraint account_events_kind_check check (kind in ('account_created', 'invited',
  'invitation_revoked', 'invitation_accepted', 'password_reset_requested', 'password_reset', 'second_factor_enabled',
  'second_factor_disabled', 'signed_out_everywhere', 'point_of_contact_handed_over', 'role_granted', 'role_removed',
  'recovery_codes_generated', 'recovery_code_used', 'second_factor_reset', 'password_changed'));

-- The notice that a password was changed (migration 008's list, plus `password_changed`).
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'invitation', 'password_reset', 'round_opened', 'round_deadline_reminder', 'milestone_overdue_reminder',
  'password_changed'));

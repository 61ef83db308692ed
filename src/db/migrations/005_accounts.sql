-- Accounts and roles (issue 4, §1): people who sign in, their server-side sessions, invitations, password resets,
-- sign-in attempts (the rate limit, shared by every app process), the e-mail outbox and the account events that
-- record who did what for whom. Secrets that travel in links or cookies are stored only as SHA-256 hex digests.

-- A role is held by one account; an account without a role (an old point of contact after a hand-over) may still
-- sign in but sees only what the public sees. Access of a point of contact is by institution, not by person.
create table accounts (
  id                   bigint generated always as identity primary key,
  email                text not null unique check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  name                 text not null check (name <> ''),
  password_hash        text not null check (password_hash like '$argon2id$%'),
  role                 text check (role in ('administrator', 'point_of_contact', 'civil_society_reviewer', 'irm_researcher')),
  institution_id       bigint references institutions(id),
  locale               text not null default 'en' check (locale in ('en', 'fr', 'es', 'sw')),
  -- TOTP (RFC 6238): the confirmed secret, the one being set up, and the last time step accepted (no replay).
  totp_secret          text,
  totp_enabled_at      timestamptz,
  totp_pending_secret  text,
  totp_last_step       bigint,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  check ((totp_secret is null) = (totp_enabled_at is null)),
  check (role is not null or institution_id is null),
  check (role <> 'point_of_contact' or institution_id is not null),
  check (role not in ('administrator', 'irm_researcher') or institution_id is null)
);
create index accounts_institution on accounts (institution_id) where institution_id is not null;

-- The cookie holds a random token; only its digest is stored, so a copy of this table opens no session.
create table sessions (
  id                     bigint generated always as identity primary key,
  token_hash             text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  account_id             bigint not null references accounts(id) on delete cascade,
  -- The password was right but the TOTP code is still to come: the session opens nothing but that step.
  second_factor_pending  boolean not null default false,
  created_at             timestamptz not null default now(),
  last_seen_at           timestamptz not null default now(),
  expires_at             timestamptz not null
);
create index sessions_account on sessions (account_id);
create index sessions_expires on sessions (expires_at);

create table invitations (
  id              bigint generated always as identity primary key,
  email           text not null check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  name            text not null check (name <> ''),
  role            text not null check (role in ('administrator', 'point_of_contact', 'civil_society_reviewer', 'irm_researcher')),
  institution_id  bigint references institutions(id),
  locale          text not null check (locale in ('en', 'fr', 'es', 'sw')),
  token_hash      text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  -- null: issued from the command line (`npm run ahadi -- create-admin`).
  invited_by      bigint references accounts(id),
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  accepted_at     timestamptz,
  revoked_at      timestamptz,
  account_id      bigint references accounts(id),
  check (role <> 'point_of_contact' or institution_id is not null),
  check (role not in ('administrator', 'irm_researcher') or institution_id is null),
  check ((accepted_at is null) = (account_id is null))
);
create index invitations_email on invitations (email);

create table password_resets (
  id           bigint generated always as identity primary key,
  account_id   bigint not null references accounts(id) on delete cascade,
  token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  used_at      timestamptz
);
create index password_resets_account on password_resets (account_id);

-- Every sign-in, second-factor and password-reset attempt, so that all app processes count the same attempts.
create table auth_attempts (
  id            bigint generated always as identity primary key,
  kind          text not null check (kind in ('sign_in', 'second_factor', 'password_reset')),
  email         text not null,
  ip            text not null,
  succeeded     boolean not null default false,
  attempted_at  timestamptz not null default now()
);
create index auth_attempts_email on auth_attempts (kind, email, attempted_at);
create index auth_attempts_ip on auth_attempts (kind, ip, attempted_at);

-- Every message the portal sends. Without SMTP a message is `held` here for administrators to read; with SMTP it is
-- `queued` in the same transaction as the change that caused it, then `sent` (or `failed`) after the commit.
create table outbox (
  id          bigint generated always as identity primary key,
  kind        text not null check (kind in ('invitation', 'password_reset')),
  to_address  text not null,
  subject     text not null,
  body_text   text not null,
  status      text not null check (status in ('held', 'queued', 'sent', 'failed')),
  created_at  timestamptz not null default now(),
  sent_at     timestamptz,
  error       text
);
create index outbox_queued on outbox (id) where status = 'queued';

-- Institutional memory of accounts: who (actor), when, what (kind, details), for whom (account, institution).
create table account_events (
  id              bigint generated always as identity primary key,
  occurred_at     timestamptz not null default now(),
  actor_id        bigint references accounts(id),
  account_id      bigint references accounts(id),
  institution_id  bigint references institutions(id),
  kind            text not null check (kind in ('account_created', 'invited', 'invitation_revoked', 'invitation_accepted',
                    'password_reset_requested', 'password_reset', 'second_factor_enabled', 'second_factor_disabled',
                    'signed_out_everywhere', 'point_of_contact_handed_over', 'role_granted', 'role_removed')),
  details         jsonb not null default '{}'
);
create index account_events_account on account_events (account_id, occurred_at);
create index account_events_institution on account_events (institution_id, occurred_at);

-- Keys the app processes share (the CSRF signing key), created by the first process that needs one.
create table server_secrets (
  name        text primary key,
  secret      bytea not null check (length(secret) >= 32),
  created_at  timestamptz not null default now()
);

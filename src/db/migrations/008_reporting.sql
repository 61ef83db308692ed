-- Reporting rounds with evidence and civil-society verification (issue 4 §3, decision 013).
-- The secretariat opens a round for an action plan; points of contact report on each milestone their institution is
-- responsible for, with evidence; civil-society reviewers give their verdict; closing the round freezes it and
-- publishes a snapshot. Once a round is closed, its reports, evidence and verdicts can no longer change (triggers).

create table reporting_rounds (
  id              bigint generated always as identity primary key,
  action_plan_id  bigint not null references action_plans(id),
  label           text not null check (label <> '' and length(label) <= 60),
  -- Reports received after the deadline are accepted but counted as late.
  deadline        timestamptz not null,
  opened_at       timestamptz not null default now(),
  opened_by       bigint references accounts(id),
  closed_at       timestamptz,
  closed_by       bigint references accounts(id),
  unique (action_plan_id, label),
  -- closed_by is null when a round is closed from the command line.
  check (closed_at is not null or closed_by is null)
);
-- One open round per action plan at a time: points of contact never wonder which one to report in.
create unique index reporting_rounds_one_open on reporting_rounds (action_plan_id) where closed_at is null;

-- The report of one milestone in one round, by the institution that gave it. A point of contact may revise it while
-- the round is open; `revision` counts the versions so a verdict says which one it judged.
create table milestone_reports (
  id                  bigint generated always as identity primary key,
  reporting_round_id  bigint not null references reporting_rounds(id),
  milestone_id        bigint not null references milestones(id),
  institution_id      bigint not null references institutions(id),
  status              text not null check (status in ('not_started', 'in_progress', 'complete', 'withdrawn')),
  percent_complete    integer not null check (percent_complete between 0 and 100),
  narrative           text not null check (narrative <> ''),
  narrative_locale    text not null check (narrative_locale in ('en', 'fr', 'es', 'sw')),
  revision            integer not null default 1 check (revision > 0),
  submitted_by        bigint references accounts(id),
  first_submitted_at  timestamptz not null default now(),
  submitted_at        timestamptz not null default now(),
  unique (reporting_round_id, milestone_id),
  check (status <> 'complete' or percent_complete = 100),
  check (status <> 'not_started' or percent_complete = 0)
);
create index milestone_reports_milestone on milestone_reports (milestone_id, submitted_at desc);

-- Uploaded files, stored once by content: `<data dir>/evidence/<first two hex digits>/<sha256>`. The media type is
-- the one found in the content, never the one the uploader's file name or browser claimed.
create table evidence_files (
  sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes  bigint not null check (size_bytes > 0),
  media_type  text not null,
  created_at  timestamptz not null default now()
);

-- One piece of evidence given with a report: a stored file or a link. A link's checksum and fetch time are recorded
-- when it could be fetched (null when it could not: `link_error` says why).
create table evidence_items (
  id                  bigint generated always as identity primary key,
  milestone_report_id bigint not null references milestone_reports(id),
  kind                text not null check (kind in ('file', 'link')),
  -- What the evidence is ("Minutes of the steering committee, 12 May 2021"); defaults to the file name.
  title               text not null check (title <> '' and length(title) <= 300),
  file_sha256         text references evidence_files(sha256),
  -- The uploader's file name, cleaned of paths and control characters; shown, never used to find the file.
  file_name           text check (file_name <> '' and length(file_name) <= 255),
  url                 text check (url ~ '^https?://'),
  link_sha256         text check (link_sha256 ~ '^[0-9a-f]{64}$'),
  link_media_type     text,
  link_fetched_at     timestamptz,
  link_error          text,
  restricted          boolean not null default false,
  restricted_reason   text check (restricted_reason <> ''),
  added_by            bigint references accounts(id),
  added_at            timestamptz not null default now(),
  check ((kind = 'file') = (file_sha256 is not null and file_name is not null)),
  check ((kind = 'link') = (url is not null)),
  check (kind = 'link' or (link_sha256 is null and link_fetched_at is null and link_error is null)),
  check (restricted = (restricted_reason is not null))
);
create index evidence_items_report on evidence_items (milestone_report_id);

-- A civil-society reviewer's verdict on one report; one per reviewer and report, revised in place while the round is
-- open. `report_revision` is the version judged: a verdict on an older version is shown as such.
create table milestone_report_verdicts (
  id                   bigint generated always as identity primary key,
  milestone_report_id  bigint not null references milestone_reports(id),
  reviewer_id          bigint not null references accounts(id),
  reviewer_institution_id bigint references institutions(id),
  verdict              text not null check (verdict in ('confirmed', 'disputed', 'insufficient_evidence')),
  comment              text check (comment <> ''),
  report_revision      integer not null,
  recorded_at          timestamptz not null default now(),
  unique (milestone_report_id, reviewer_id),
  -- A reviewer who disputes a claim or finds its evidence insufficient says why.
  check (verdict = 'confirmed' or comment is not null)
);

-- The published snapshot of a closed round: one row per milestone of the plan, as it stood at close ("as reported
-- in 2021 Q3"), including milestones nobody reported on (`status` null = missing). Written once, at close.
create table reporting_round_snapshots (
  reporting_round_id     bigint not null references reporting_rounds(id),
  milestone_id           bigint not null references milestones(id),
  -- The institution responsible (the commitment's lead) and the one that reported, when someone did.
  responsible_institution_id bigint references institutions(id),
  milestone_report_id    bigint references milestone_reports(id),
  status                 text check (status in ('not_started', 'in_progress', 'complete', 'withdrawn')),
  percent_complete       integer,
  submitted_at           timestamptz,
  late                   boolean not null default false,
  evidence_count         integer not null default 0,
  public_evidence_count  integer not null default 0,
  -- The verdicts on the final version at close: null when no reviewer gave one.
  verdict                text check (verdict in ('confirmed', 'disputed', 'insufficient_evidence')),
  confirmed_count        integer not null default 0,
  disputed_count         integer not null default 0,
  insufficient_count     integer not null default 0,
  primary key (reporting_round_id, milestone_id),
  check ((status is null) = (milestone_report_id is null))
);

-- Reminders already sent, so a job that runs again (or twice, on two app processes) sends nothing twice.
create table reminders_sent (
  id                  bigint generated always as identity primary key,
  kind                text not null check (kind in ('round_deadline', 'milestone_overdue')),
  reporting_round_id  bigint references reporting_rounds(id),
  milestone_id        bigint references milestones(id),
  account_id          bigint not null references accounts(id),
  -- What makes the reminder the same one: the deadline or end date it was about.
  about_date          date not null,
  sent_at             timestamptz not null default now()
);
create unique index reminders_sent_once on reminders_sent
  (kind, coalesce(reporting_round_id, 0), coalesce(milestone_id, 0), account_id, about_date);

-- A closed round is a published record: nothing in it changes any more.
create function refuse_change_in_closed_round() returns trigger language plpgsql as $$
declare
  round_id bigint;
begin
  if tg_table_name = 'milestone_reports' then
    round_id := old.reporting_round_id;
  else
    select reporting_round_id into round_id from milestone_reports
      where id = case when tg_op = 'INSERT' then new.milestone_report_id else old.milestone_report_id end;
  end if;
  if exists (select 1 from reporting_rounds where id = round_id and closed_at is not null) then
    raise exception 'reporting round % is closed: its reports, evidence and verdicts are final', round_id
      using errcode = 'check_violation';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger milestone_reports_frozen before update or delete on milestone_reports
  for each row execute function refuse_change_in_closed_round();
create trigger evidence_items_frozen before insert or update or delete on evidence_items
  for each row execute function refuse_change_in_closed_round();
create trigger milestone_report_verdicts_frozen before insert or update or delete on milestone_report_verdicts
  for each row execute function refuse_change_in_closed_round();

-- New reports are refused in a closed round too.
create function refuse_report_in_closed_round() returns trigger language plpgsql as $$
begin
  if exists (select 1 from reporting_rounds where id = new.reporting_round_id and closed_at is not null) then
    raise exception 'reporting round % is closed', new.reporting_round_id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger milestone_reports_open_round before insert on milestone_reports
  for each row execute function refuse_report_in_closed_round();

-- History: the new commands, and changes that belong to an action plan rather than a commitment.
alter table changes drop constraint changes_command_check;
alter table changes add constraint changes_command_check check (command in (
  'edit_commitment', 'withdraw_commitment', 'restore_commitment_version', 'edit_milestone', 'replan_milestone',
  'create_action_plan', 'edit_action_plan', 'create_commitment', 'create_milestone', 'import_commitment',
  'open_reporting_round', 'close_reporting_round', 'submit_milestone_report', 'record_verdict',
  'restrict_evidence'));
alter table changes drop constraint changes_entity_type_check;
alter table changes add constraint changes_entity_type_check check (entity_type in (
  'action_plan', 'commitment', 'milestone', 'reporting_round', 'milestone_report', 'evidence_item'));
alter table changes alter column commitment_id drop not null;
alter table changes add column action_plan_id bigint references action_plans(id);
-- Every change belongs to a commitment's history, an action plan's, or both.
alter table changes add constraint changes_owner check (commitment_id is not null or action_plan_id is not null);
create index changes_action_plan on changes (action_plan_id, occurred_at desc, id desc) where action_plan_id is not null;

-- E-mail kinds of the reminders and of round announcements.
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'invitation', 'password_reset', 'round_opened', 'round_deadline_reminder', 'milestone_overdue_reminder'));

-- Foundation: members, action plans, institutions, policy areas, commitments, milestones, IRM reviews.
-- Prose lives in *_texts tables, one row per locale; the parent records the locale its source was written in.

create extension if not exists unaccent;

create table members (
  id            bigint generated always as identity primary key,
  slug          text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name          text not null check (name <> ''),
  kind          text not null check (kind in ('national', 'local', 'legacy_local', 'other')),
  ogp_prefix    text not null unique check (ogp_prefix ~ '^[A-Z]{2,4}$'),
  iso_alpha2    text check (iso_alpha2 ~ '^[A-Z]{2}$'),
  code          text unique check (code ~ '^[A-Z]{3,4}$'),
  region        text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create table action_plans (
  id               bigint generated always as identity primary key,
  member_id        bigint not null references members(id),
  number           integer not null check (number between 1 and 99),
  submission_year  integer not null check (submission_year between 2011 and 2100),
  start_year       integer not null check (start_year between 2011 and 2100),
  end_year         integer not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (member_id, number),
  check (end_year - start_year between 1 and 4)
);

create table institutions (
  id          bigint generated always as identity primary key,
  member_id   bigint references members(id),
  slug        text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text not null check (name <> ''),
  kind        text not null check (kind in ('ministry', 'agency', 'parliament', 'subnational_government',
                'independent_commission', 'judiciary', 'civil_society', 'academia', 'private_sector', 'media',
                'international_body', 'other')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
-- One record per institution and member, whatever the case or accents of the name it was imported under.
create unique index institutions_member_slug on institutions (coalesce(member_id, 0), slug);

create table policy_areas (
  key         text primary key check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  parent_key  text references policy_areas(key),
  position    integer not null
);

create table policy_area_labels (
  policy_area_key  text not null references policy_areas(key),
  locale           text not null,
  label            text not null check (label <> ''),
  primary key (policy_area_key, locale)
);

create table commitments (
  id                      bigint generated always as identity primary key,
  ogp_id                  text not null unique check (ogp_id ~ '^[A-Z]{2,4}[0-9]{4}$'),
  action_plan_id          bigint not null references action_plans(id),
  number_in_plan          integer check (number_in_plan > 0),
  status                  text check (status in ('active', 'completed', 'withdrawn')),
  source_locale           text not null,
  carried_over_from_id    bigint references commitments(id),
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now()
);
create index commitments_action_plan on commitments (action_plan_id, number_in_plan);

create table commitment_texts (
  commitment_id  bigint not null references commitments(id),
  locale         text not null,
  title          text not null check (title <> ''),
  description    text,
  objectives     text,
  status_quo     text,
  ambition       text,
  primary key (commitment_id, locale)
);

create table commitment_institutions (
  commitment_id   bigint not null references commitments(id),
  institution_id  bigint not null references institutions(id),
  role            text not null check (role in ('lead', 'supporting')),
  -- Supporting institutions are listed as government actors or other actors (civil society, academia, ...).
  actor_group     text check (actor_group in ('government', 'other')),
  position        integer not null,
  primary key (commitment_id, institution_id, role),
  check ((role = 'lead') = (actor_group is null))
);
create index commitment_institutions_institution on commitment_institutions (institution_id);

create table commitment_policy_areas (
  commitment_id    bigint not null references commitments(id),
  policy_area_key  text not null references policy_areas(key),
  primary key (commitment_id, policy_area_key)
);
create index commitment_policy_areas_key on commitment_policy_areas (policy_area_key);

create table milestones (
  id               bigint generated always as identity primary key,
  commitment_id    bigint not null references commitments(id),
  number           integer not null check (number > 0),
  declared_status  text check (declared_status in ('new', 'ongoing')),
  -- Dates keep the precision the source gave ("February 2021" is a month) and its original wording.
  start_date       date,
  start_precision  text check (start_precision in ('day', 'month', 'quarter', 'year')),
  start_raw        text,
  end_date         date,
  end_precision    text check (end_precision in ('day', 'month', 'quarter', 'year')),
  end_raw          text,
  unique (commitment_id, number),
  check ((start_date is null) = (start_precision is null)),
  check ((end_date is null) = (end_precision is null))
);

create table milestone_texts (
  milestone_id  bigint not null references milestones(id),
  locale        text not null,
  text          text not null check (text <> ''),
  primary key (milestone_id, locale)
);

-- One IRM review of one commitment in one report (action plan review, results report, progress report, ...).
create table irm_reviews (
  id                bigint generated always as identity primary key,
  commitment_id     bigint not null references commitments(id),
  method            text not null check (method in ('irm_2012', 'irm_2020')),
  report            text not null check (report in ('design', 'progress', 'end_of_term',
                      'action_plan_review', 'results')),
  published_on      date,
  -- The IRM numbers and names commitments its own way ("Commitment 8. Building Open Government Resilience").
  irm_number        integer,
  source_locale     text not null,
  unique (commitment_id, report)
);

create table irm_review_texts (
  irm_review_id  bigint not null references irm_reviews(id),
  locale         text not null,
  irm_title      text,
  narrative      text,
  primary key (irm_review_id, locale)
);

-- A rating is a record, not a column: indicators differ between methods and grow over time.
create table irm_ratings (
  irm_review_id  bigint not null references irm_reviews(id),
  indicator      text not null,
  state          text not null check (state in ('assessed', 'not_reviewed', 'no_data', 'not_applicable')),
  value          text,
  primary key (irm_review_id, indicator),
  check ((state = 'assessed') = (value is not null))
);

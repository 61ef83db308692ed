-- Guidance notes and stories of good practice (the secretariat's publications): written by administrators in the
-- workspace, each change a command with a history entry (decision 012), public once published. Nothing is deleted: a
-- publication is withdrawn, with a reason, and may be published again.
create table publications (
  id                    bigint generated always as identity primary key,
  -- Made from the first title when created and kept: links to a note must not break when its title is reworded.
  slug                  text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  kind                  text not null check (kind in ('guidance_note', 'story')),
  state                 text not null default 'draft' check (state in ('draft', 'published', 'withdrawn')),
  -- The day it was first published, kept when it is published again after a withdrawal.
  published_on          date,
  withdrawn_reason      text check (withdrawn_reason <> '' and length(withdrawn_reason) <= 2000),
  -- Null: the secretariat wrote it (administrators speak for no institution).
  author_institution_id bigint references institutions(id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint publications_withdrawn_reason check ((state = 'withdrawn') = (withdrawn_reason is not null)),
  constraint publications_published_on check (state <> 'published' or published_on is not null)
);
create index publications_published on publications (published_on desc, id desc) where state = 'published';

-- A title and a body per language, at least one language (the commands check it: a constraint cannot span rows).
create table publication_texts (
  publication_id bigint not null references publications(id),
  locale         text not null check (locale in ('en', 'fr', 'es', 'sw')),
  title          text not null check (title <> '' and length(title) <= 200),
  body           text not null check (body <> '' and length(body) <= 20000),
  primary key (publication_id, locale)
);

create table publication_commitments (
  publication_id bigint not null references publications(id),
  commitment_id  bigint not null references commitments(id),
  primary key (publication_id, commitment_id)
);
create index publication_commitments_commitment on publication_commitments (commitment_id);

create table publication_institutions (
  publication_id bigint not null references publications(id),
  institution_id bigint not null references institutions(id),
  primary key (publication_id, institution_id)
);

-- Public pages and API responses are kept per version of all public data (decision 019): these tables count too.
do $$
declare
  t text;
begin
  foreach t in array array['publications', 'publication_texts', 'publication_commitments', 'publication_institutions']
  loop
    execute format('create trigger %I after insert or update or delete or truncate on %I
      for each statement execute function mark_public_data_changed()', t || '_public_data_changed', t);
  end loop;
end $$;

-- History entries of publications: entity type `publication`, belonging to no commitment or plan.
alter table changes drop constraint changes_command_check;
alter table changes add constraint changes_command_check check (command in (
  'edit_commitment', 'withdraw_commitment', 'restore_commitment_version', 'edit_milestone', 'replan_milestone',
  'create_action_plan', 'edit_action_plan', 'create_commitment', 'create_milestone', 'import_commitment',
  'import_milestone', 'remove_milestone_by_import',
  'open_reporting_round', 'close_reporting_round', 'submit_milestone_report', 'record_verdict',
  'restrict_evidence', 'record_irm_review', 'revise_irm_review', 'rename_institution', 'merge_institution',
  'create_publication', 'edit_publication', 'publish_publication', 'withdraw_publication'));
alter table changes drop constraint changes_entity_type_check;
alter table changes add constraint changes_entity_type_check check (entity_type in (
  'action_plan', 'commitment', 'milestone', 'reporting_round', 'milestone_report', 'evidence_item', 'irm_review',
  'institution', 'publication'));
alter table changes drop constraint changes_owner;
alter table changes add constraint changes_owner
  check (commitment_id is not null or action_plan_id is not null or entity_type in ('institution', 'publication'));
create index changes_publication on changes (entity_id, occurred_at desc, id desc) where entity_type = 'publication';

-- The secretariat renames institutions and merges one into another (decision 012, amended): commitments belong to
-- institutions, and an institution outlives its names.
--
-- A row merged into another is a name that institution was known by: a former name kept by a rename, or an
-- institution merged away. It keeps its slug, so its address and an import or restore naming it lead to the
-- institution it was merged into (`coalesce(merged_into_id, id)`), and its id, so history that names it as the
-- institution someone spoke for then (`changes.actor_institution_id`, `account_events`, closed rounds' snapshots)
-- still reads as it did. Nothing live points at it: commitments, people, invitations and open reports moved.
alter table institutions
  add column merged_into_id bigint references institutions(id),
  add column abbreviation text check (abbreviation <> '' and length(abbreviation) <= 40),
  add constraint institutions_not_merged_into_itself check (merged_into_id <> id);
create index institutions_merged_into on institutions (merged_into_id) where merged_into_id is not null;

-- History entries of an institution: its renames and merges. Entity type `institution`, so that the entry a merge
-- writes on each commitment it touched (with `commitment_id`) does not make the commitment's edit form stale; the
-- institution's own entry belongs to no commitment or plan.
alter table changes drop constraint changes_command_check;
alter table changes add constraint changes_command_check check (command in (
  'edit_commitment', 'withdraw_commitment', 'restore_commitment_version', 'edit_milestone', 'replan_milestone',
  'create_action_plan', 'edit_action_plan', 'create_commitment', 'create_milestone', 'import_commitment',
  'import_milestone', 'remove_milestone_by_import',
  'open_reporting_round', 'close_reporting_round', 'submit_milestone_report', 'record_verdict',
  'restrict_evidence', 'record_irm_review', 'revise_irm_review', 'rename_institution', 'merge_institution'));
alter table changes drop constraint changes_entity_type_check;
alter table changes add constraint changes_entity_type_check check (entity_type in (
  'action_plan', 'commitment', 'milestone', 'reporting_round', 'milestone_report', 'evidence_item', 'irm_review',
  'institution'));
alter table changes drop constraint changes_owner;
alter table changes add constraint changes_owner
  check (commitment_id is not null or action_plan_id is not null or entity_type = 'institution');
create index changes_institution on changes (entity_id, occurred_at desc, id desc) where entity_type = 'institution';

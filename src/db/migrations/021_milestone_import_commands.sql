-- History entries of milestone imports (decision 012, amended 2026-11-28) get commands of their own: as
-- `import_commitment` on the milestone, the history read "Commitment imported: milestone 5" alike for a milestone the
-- file added, changed or no longer lists. No released version wrote milestone entries, so none is renamed.
alter table changes drop constraint changes_command_check;
alter table changes add constraint changes_command_check check (command in (
  'edit_commitment', 'withdraw_commitment', 'restore_commitment_version', 'edit_milestone', 'replan_milestone',
  'create_action_plan', 'edit_action_plan', 'create_commitment', 'create_milestone', 'import_commitment',
  'import_milestone', 'remove_milestone_by_import',
  'open_reporting_round', 'close_reporting_round', 'submit_milestone_report', 'record_verdict',
  'restrict_evidence'));

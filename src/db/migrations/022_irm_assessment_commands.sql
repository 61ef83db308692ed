-- IRM researchers record their assessments in the workspace (README, "Record IRM assessments"): recording a new
-- review of a commitment, or revising one, is a command of its own with a history entry about that review. Its own
-- entity type, not 'commitment': a review is not the commitment's text, so it must not make the edit form stale.
alter table changes drop constraint changes_command_check;
alter table changes add constraint changes_command_check check (command in (
  'edit_commitment', 'withdraw_commitment', 'restore_commitment_version', 'edit_milestone', 'replan_milestone',
  'create_action_plan', 'edit_action_plan', 'create_commitment', 'create_milestone', 'import_commitment',
  'import_milestone', 'remove_milestone_by_import',
  'open_reporting_round', 'close_reporting_round', 'submit_milestone_report', 'record_verdict',
  'restrict_evidence', 'record_irm_review', 'revise_irm_review'));
alter table changes drop constraint changes_entity_type_check;
alter table changes add constraint changes_entity_type_check check (entity_type in (
  'action_plan', 'commitment', 'milestone', 'reporting_round', 'milestone_report', 'evidence_item', 'irm_review'));

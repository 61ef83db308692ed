-- The notice to a person whose second factor an administrator turned off (migration 010's list, plus
-- `second_factor_reset`).
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'invitation', 'password_reset', 'round_opened', 'round_deadline_reminder', 'milestone_overdue_reminder',
  'password_changed', 'second_factor_reset'));

-- The notices of a point-of-contact hand-over, to the new point of contact (an existing account) and to the ones it
-- replaces (migration 012's list, plus `point_of_contact_handed_over`).
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'invitation', 'password_reset', 'round_opened', 'round_deadline_reminder', 'milestone_overdue_reminder',
  'password_changed', 'second_factor_reset', 'point_of_contact_handed_over'));

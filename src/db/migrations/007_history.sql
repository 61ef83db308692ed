-- Editing with full history (issue 4 §2, decision 012). Every edit is one named command that writes one row of
-- `changes` in its own transaction: who, when, which command, on what, the fields before and after, and why.
-- Rows are only ever inserted; nothing the commands touch is deleted (a commitment is withdrawn, not removed).
create table changes (
  id             bigint generated always as identity primary key,
  occurred_at    timestamptz not null default now(),
  actor_id       bigint references accounts(id),
  -- The institution the actor spoke for at the time (a point of contact may be handed over later).
  actor_institution_id bigint references institutions(id),
  command        text not null check (command in ('edit_commitment', 'withdraw_commitment', 'restore_commitment_version',
                   'edit_milestone', 'replan_milestone')),
  entity_type    text not null check (entity_type in ('commitment', 'milestone')),
  entity_id      bigint not null,
  -- The commitment the entity belongs to (itself for a commitment): its history tab lists its milestones' changes too.
  commitment_id  bigint not null references commitments(id),
  before         jsonb not null,
  after          jsonb not null,
  reason         text check (reason <> '')
);
create index changes_commitment on changes (commitment_id, occurred_at desc, id desc);
create index changes_entity on changes (entity_type, entity_id, occurred_at desc);

-- Re-planning keeps the end date the plan first gave beside the current one (set on the first re-plan, then kept).
alter table milestones
  add column planned_end_date       date,
  add column planned_end_precision  text check (planned_end_precision in ('day', 'month', 'quarter', 'year')),
  add constraint milestones_planned_end_precision check ((planned_end_date is null) = (planned_end_precision is null));

-- Every lead institution answers for a commitment's milestones (decision 013, amended): a co-led commitment has
-- several. The snapshot of a closed round records all of them, in the commitment's order of leads, one row each.
-- `reporting_round_snapshots.responsible_institution_id` stays as it was, the first of them (position 0), so that
-- readers of that column and of the open-data package keep working.
create table round_snapshot_institutions (
  reporting_round_id  bigint not null,
  milestone_id        bigint not null,
  institution_id      bigint not null references institutions(id),
  -- 0 for the first lead (the snapshot's responsible_institution_id), then 1, 2, ...
  position            integer not null check (position >= 0),
  primary key (reporting_round_id, milestone_id, institution_id),
  unique (reporting_round_id, milestone_id, position),
  -- Part of its snapshot row: it goes with it.
  foreign key (reporting_round_id, milestone_id) references reporting_round_snapshots (reporting_round_id, milestone_id)
    on delete cascade
);
create index round_snapshot_institutions_institution on round_snapshot_institutions (institution_id);

-- A public table (decision 019): writing it moves the public data version, as the snapshots do (011); the
-- backfill below too, so that cached public pages are made again.
create trigger round_snapshot_institutions_public_data_changed
  after insert or update or delete or truncate on round_snapshot_institutions
  for each statement execute function mark_public_data_changed();

-- Snapshots taken before this migration recorded only the first lead at close: it keeps position 0, and the
-- commitment's other leads of today follow it in their order. A snapshot that named nobody stays without any.
-- Nothing frozen by migration 008's triggers (reports, evidence, verdicts) is written here.
insert into round_snapshot_institutions (reporting_round_id, milestone_id, institution_id, position)
select s.reporting_round_id, s.milestone_id, s.responsible_institution_id, 0
from reporting_round_snapshots s
where s.responsible_institution_id is not null;

insert into round_snapshot_institutions (reporting_round_id, milestone_id, institution_id, position)
select s.reporting_round_id, s.milestone_id, ci.institution_id,
  row_number() over (partition by s.reporting_round_id, s.milestone_id order by ci.position, ci.institution_id)
from reporting_round_snapshots s
join milestones m on m.id = s.milestone_id
join commitment_institutions ci on ci.commitment_id = m.commitment_id and ci.role = 'lead'
  and ci.institution_id <> s.responsible_institution_id
where s.responsible_institution_id is not null;

-- A version of everything the public portal shows, for the rendered-page cache of lists, search, member and
-- institution pages (decision 019). It goes up once per transaction that wrote any public table, when that
-- transaction commits, so a reader that reads it first and the data after never keeps old data under a new version.

create table public_data_version (
  only_row  boolean primary key default true check (only_row),
  version   bigint not null
);
insert into public_data_version (version) values (1);

-- The transactions in progress that wrote a public table (each sees only its own row), as for the facets (009).
create unlogged table public_data_changes (transaction_id xid8 primary key);

create function mark_public_data_changed() returns trigger language plpgsql as $$
begin
  insert into public_data_changes (transaction_id) values (pg_current_xact_id()) on conflict do nothing;
  return null;
end $$;

-- At commit, not at the first write: the one row is locked only for the end of each writing transaction, so an
-- import does not hold up every other writer for its whole length.
create function bump_public_data_version() returns trigger language plpgsql as $$
begin
  update public_data_version set version = version + 1;
  delete from public_data_changes where transaction_id = pg_current_xact_id();
  return null;
end $$;
create constraint trigger public_data_version_at_commit after insert on public_data_changes
  deferrable initially deferred for each row execute function bump_public_data_version();

do $$
declare
  t text;
begin
  foreach t in array array['members', 'action_plans', 'institutions', 'policy_areas', 'policy_area_labels', 'commitments',
    'commitment_texts', 'commitment_institutions', 'commitment_policy_areas', 'milestones', 'milestone_texts',
    'irm_reviews', 'irm_review_texts', 'irm_ratings', 'reporting_rounds', 'reporting_round_snapshots']
  loop
    execute format('create trigger %I after insert or update or delete or truncate on %I
      for each statement execute function mark_public_data_changed()', t || '_public_data_changed', t);
  end loop;
end $$;

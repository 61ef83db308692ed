-- Faster imports and search (issue 3 §4, decision 016). Measured with EXPLAIN ANALYZE on the 50,000-commitment
-- bench data set; the figures are in the decision record.

-- 1. Facets are refreshed once per transaction, at commit, instead of once per statement of every table they are
--    made of (an import batch touched each commitment five times). The statement triggers of migration 004 now only
--    note which commitments are stale; a deferred constraint trigger refreshes them all when the transaction commits.
--    Both tables only ever hold the rows of transactions in progress (a transaction sees only its own), so they are
--    unlogged: nothing in them outlives a crash.
create unlogged table commitment_facets_stale (commitment_id bigint not null);
create unlogged table commitment_facets_refresh (transaction_id xid8 primary key);

create function mark_commitment_facets_stale(ids bigint[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  insert into commitment_facets_stale (commitment_id) select unnest(ids);
  insert into commitment_facets_refresh (transaction_id) values (pg_current_xact_id()) on conflict do nothing;
end $$;

create function refresh_stale_commitment_facets() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(select distinct commitment_id from commitment_facets_stale));
  delete from commitment_facets_stale;
  delete from commitment_facets_refresh where transaction_id = pg_current_xact_id();
  return null;
end $$;
-- One row per transaction, so this fires once, after every other statement of the transaction.
create constraint trigger commitment_facets_refresh_at_commit after insert on commitment_facets_refresh
  deferrable initially deferred for each row execute function refresh_stale_commitment_facets();

create or replace function facets_refresh_from_commitments() returns trigger language plpgsql as $$
begin
  perform mark_commitment_facets_stale(array(select id from changed_rows));
  return null;
end $$;
create or replace function facets_refresh_from_children() returns trigger language plpgsql as $$
begin
  perform mark_commitment_facets_stale(array(select distinct commitment_id from changed_rows));
  return null;
end $$;
create or replace function facets_refresh_from_ratings() returns trigger language plpgsql as $$
begin
  perform mark_commitment_facets_stale(array(
    select distinct ir.commitment_id from changed_rows r join irm_reviews ir on ir.id = r.irm_review_id));
  return null;
end $$;
create or replace function facets_refresh_from_plans() returns trigger language plpgsql as $$
begin
  perform mark_commitment_facets_stale(array(
    select c.id from commitments c where c.action_plan_id in (select id from changed_rows)));
  return null;
end $$;
create or replace function facets_refresh_from_members() returns trigger language plpgsql as $$
begin
  perform mark_commitment_facets_stale(array(
    select c.id from commitments c join action_plans p on p.id = c.action_plan_id
    where p.member_id in (select id from changed_rows)));
  return null;
end $$;

-- 2. The refresh is planned afresh at each call (EXECUTE). A cached plan made while a new database's tables were
--    empty scanned all of irm_ratings once per commitment for the rest of the session (1.6 s of a 442-row import);
--    planned at the call, the estimates follow the tables' actual size, even inside the transaction that filled them.
--    It now runs once per transaction, so planning costs well under a millisecond per commit. Each commitment's
--    ratings are read through its reviews by index (`offset 0` keeps the lookup per review).
--    The same statement keeps commitment_facet_counts (4.) current: minus the old rows' values, plus the new ones'.
create table commitment_facet_counts (
  dimension  text not null,
  value      text not null,
  count      integer not null,
  primary key (dimension, value)
);

-- The facet values one commitment counts for, one row per dimension and value (as the list's facets count them).
-- Columns rather than the row: PostgreSQL 18 fails to plan the inlined function over a whole-row reference.
create function commitment_facet_values(member_id bigint, member_kind text, plan_start_year integer, policy_areas text[],
  lead_institutions bigint[], irm_ratings text[], milestone_statuses text[])
returns table (dimension text, value text) language sql immutable parallel safe as $$
  select * from (values ('member', member_id::text), ('kind', member_kind), ('years', plan_start_year::text)) one
  union all select 'area', v from unnest(policy_areas) v
  union all select 'lead', v::text from unnest(lead_institutions) v
  union all select 'irm', v from unnest(irm_ratings) v
  union all select 'milestone', v from unnest(milestone_statuses) v
$$;

create or replace function refresh_commitment_facets(ids bigint[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  execute $sql$
    with old as (select * from commitment_facets f where f.commitment_id = any($1)),
    new as (
      insert into commitment_facets (commitment_id, member_id, member_kind, action_plan_id, plan_start_year, plan_end_year,
                                     policy_areas, lead_institutions, irm_ratings, milestone_statuses)
      select c.id, m.id, m.kind, p.id, p.start_year, p.end_year,
        coalesce((select array_agg(cpa.policy_area_key order by cpa.policy_area_key) from commitment_policy_areas cpa where cpa.commitment_id = c.id), '{}'),
        coalesce((select array_agg(ci.institution_id order by ci.position) from commitment_institutions ci where ci.commitment_id = c.id and ci.role = 'lead'), '{}'),
        coalesce((select array_agg(distinct latest.indicator || ':' || coalesce(latest.value, latest.state)) from (
            select distinct on (r.indicator) r.indicator, r.value, r.state
            from irm_reviews ir cross join lateral (select * from irm_ratings r where r.irm_review_id = ir.id offset 0) r
            where ir.commitment_id = c.id
            order by r.indicator, array_position(array['design','progress','end_of_term','action_plan_review','results'], ir.report) desc
          ) latest), '{}'),
        coalesce((select array_agg(distinct ms.declared_status) from milestones ms where ms.commitment_id = c.id and ms.declared_status is not null), '{}')
      from commitments c join action_plans p on p.id = c.action_plan_id join members m on m.id = p.member_id
      where c.id = any($1)
      on conflict (commitment_id) do update set
        member_id = excluded.member_id, member_kind = excluded.member_kind, action_plan_id = excluded.action_plan_id,
        plan_start_year = excluded.plan_start_year, plan_end_year = excluded.plan_end_year,
        policy_areas = excluded.policy_areas, lead_institutions = excluded.lead_institutions,
        irm_ratings = excluded.irm_ratings, milestone_statuses = excluded.milestone_statuses
      returning *),
    delta as (
      select v.dimension, v.value, sum(v.sign)::int as change from (
          select d.*, -1 as sign from old, commitment_facet_values(old.member_id, old.member_kind, old.plan_start_year,
            old.policy_areas, old.lead_institutions, old.irm_ratings, old.milestone_statuses) d
          union all
          select d.*, 1 from new, commitment_facet_values(new.member_id, new.member_kind, new.plan_start_year,
            new.policy_areas, new.lead_institutions, new.irm_ratings, new.milestone_statuses) d) v
      group by v.dimension, v.value having sum(v.sign) <> 0)
    -- In key order, so that two transactions refreshing at once lock the rows they share in the same order.
    insert into commitment_facet_counts (dimension, value, count)
    select dimension, value, change from delta order by dimension, value
    on conflict (dimension, value) do update set count = commitment_facet_counts.count + excluded.count
  $sql$ using ids;
end $$;

-- 3. The search query of every language joined once each: a word that stems alike in several languages ("ownership"
--    in English, Spanish and the simple configuration) appears once instead of three times. Same matches, same ranks
--    (checked on every match of four queries over the bench set), half the work for ts_rank_cd and ts_headline.
--    Immutable, so a query with constant words is folded to its tsquery when planned.
create aggregate tsquery_or_agg(tsquery) (sfunc = tsquery_or, stype = tsquery);
create function ahadi_search_query(words text) returns tsquery language sql immutable parallel safe as $$
  select tsquery_or_agg(query order by n) from (
    select distinct on (query) query, n
    from unnest(array[websearch_to_tsquery('ahadi_en', words), websearch_to_tsquery('ahadi_fr', words),
                      websearch_to_tsquery('ahadi_es', words), websearch_to_tsquery('ahadi_simple', words)])
         with ordinality as u(query, n)
    order by query, n) distinct_queries
$$;

-- 4. The facet counts of the whole list, kept by the refresh above: the list without filters (its first page) reads
--    them instead of counting 50,000 rows seven times. A value whose count fell to 0 keeps its row until it counts
--    again; readers skip it.
insert into commitment_facet_counts (dimension, value, count)
select v.dimension, v.value, count(*)
from commitment_facets f, commitment_facet_values(f.member_id, f.member_kind, f.plan_start_year, f.policy_areas,
  f.lead_institutions, f.irm_ratings, f.milestone_statuses) v
group by v.dimension, v.value;

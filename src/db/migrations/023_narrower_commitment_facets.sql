-- The commitment list's facets table, cheaper to sort and to read (issue 3 §4, decision 020 amended).
--
-- 1. The OGP id in commitment_facets, with an index per sort the list offers. The list is ordered by a plan year (or
--    by nothing) and then by OGP id, which breaks ties; with the id in `commitments` only, no index served that
--    order, and the list's first page sorted all 50,000 rows. `ogp_id` is copied by the refresh (below) like every
--    other column: a change of a commitment's OGP id refreshes its facets (the update trigger of migration 004).
-- 2. IRM ratings as small codes. `irm_ratings` held 'indicator:value' text, ~360 of a row's ~580 bytes, read by
--    every facet count; `irm_rating_codes` is the one mapping between a rating and its code. The refresh adds a
--    rating the first time a commitment has it; readers turn codes into ratings (`irm_ratings_named`) and ratings into
--    codes (`irm_rating_codes_of`) through it. The whole list's kept IRM counts are kept by code, as those of members
--    and lead institutions are kept by id.
--
-- From here on no other transaction may refresh facets: a rating it wrote after the codes below were made would have
-- no code. One committing meanwhile (an import in another process) waits at its refresh, then fails (its statement is
-- the old one, which writes ratings as text) and rolls back: run again, it is refreshed with the new one.
lock table commitment_facets, commitment_facet_counts in share row exclusive mode;

create table irm_rating_codes (
  code   smallint generated always as identity primary key,
  -- 'indicator:value' of an assessment ('completion:limited'), or 'indicator:state' ('completion:not_reviewed').
  rating text not null unique
);
insert into irm_rating_codes (rating) select distinct r from commitment_facets, unnest(irm_ratings) r order by r;

-- The codes of the ratings named; a rating no commitment ever had has none (so a filter on it matches nothing).
create function irm_rating_codes_of(ratings text[]) returns smallint[] language sql stable parallel safe as $$
  select coalesce(array_agg(code order by code), '{}') from irm_rating_codes where rating = any(ratings)
$$;
-- The ratings of codes, in the order of their names.
create function irm_ratings_named(codes smallint[]) returns text[] language sql stable parallel safe as $$
  select coalesce(array_agg(r.rating order by r.rating), '{}') from unnest(codes) c join irm_rating_codes r on r.code = c
$$;

alter table commitment_facets add column ogp_id text;
update commitment_facets f set ogp_id = c.ogp_id from commitments c where c.id = f.commitment_id;
-- Rewrites the table (only its live rows: the update above leaves none behind) and its indexes.
alter table commitment_facets
  alter column ogp_id set not null,
  alter column irm_ratings type smallint[] using irm_rating_codes_of(irm_ratings);
-- Newest plans first; oldest first; by OGP id ("nulls last": the list's order, which PostgreSQL matches only to an
-- index declared with it).
create index commitment_facets_newest on commitment_facets (plan_start_year desc nulls last, ogp_id);
create index commitment_facets_oldest on commitment_facets (plan_start_year, ogp_id);
create index commitment_facets_ogp_id on commitment_facets (ogp_id);

-- Migration 013's function, with the IRM ratings as codes (its argument's type changes, so it is made anew).
drop function commitment_facet_values(bigint, text, integer, text[], bigint[], text[], text[]);
create function commitment_facet_values(member_id bigint, member_kind text, plan_start_year integer, policy_areas text[],
  lead_institutions bigint[], irm_ratings smallint[], milestone_statuses text[])
returns table (dimension text, value text) language sql immutable parallel safe as $$
  select * from (values ('member', member_id::text), ('kind', member_kind)) one
  union all select 'area', v from unnest(policy_areas) v
  union all select 'lead', v::text from unnest(lead_institutions) v
  union all select 'irm', v::text from unnest(irm_ratings) v
  union all select 'milestone', v from unnest(milestone_statuses) v
$$;
delete from commitment_facet_counts where dimension = 'irm';
insert into commitment_facet_counts (dimension, value, count)
select 'irm', r::text, count(*) from commitment_facets, unnest(irm_ratings) r group by r;
-- The planner's statistics of the new column and types, before the list's first statement is planned.
analyze commitment_facets;

-- Migration 019's refresh, with the OGP id and the ratings' codes. A rating first seen gets its code in a statement
-- of its own, before the facets that use it are written (`where not exists`: a conflicting insert would still use up
-- a code of the sequence).
create or replace function refresh_commitment_facets(ids bigint[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  execute $sql$
    insert into irm_rating_codes (rating)
    select distinct rating from (
      select r.indicator || ':' || coalesce(r.value, r.state) as rating
      from irm_reviews ir cross join lateral (select * from irm_ratings r where r.irm_review_id = ir.id offset 0) r
      where ir.commitment_id = any($1)) seen
    where not exists (select from irm_rating_codes c where c.rating = seen.rating)
    on conflict (rating) do nothing
  $sql$ using ids;
  execute $sql$
    with old as (select * from commitment_facets f where f.commitment_id = any($1)),
    new as (
      insert into commitment_facets (commitment_id, ogp_id, member_id, member_kind, action_plan_id, plan_start_year, plan_end_year,
                                     policy_areas, lead_institutions, irm_ratings, milestone_statuses)
      select c.id, c.ogp_id, m.id, m.kind, p.id, p.start_year, p.end_year,
        coalesce((select array_agg(cpa.policy_area_key order by cpa.policy_area_key) from commitment_policy_areas cpa where cpa.commitment_id = c.id), '{}'),
        coalesce((select array_agg(ci.institution_id order by ci.position) from commitment_institutions ci where ci.commitment_id = c.id and ci.role = 'lead'), '{}'),
        coalesce((select array_agg(distinct code.code) from (
            select distinct on (r.indicator) r.indicator, r.value, r.state
            from irm_reviews ir cross join lateral (select * from irm_ratings r where r.irm_review_id = ir.id offset 0) r
            where ir.commitment_id = c.id
            order by r.indicator, r.state in ('not_reviewed', 'no_data'),
              array_position(array['design','progress','end_of_term','action_plan_review','results'], ir.report) desc
          ) latest join irm_rating_codes code on code.rating = latest.indicator || ':' || coalesce(latest.value, latest.state)), '{}'),
        coalesce((select array_agg(distinct ms.declared_status) from milestones ms where ms.commitment_id = c.id and ms.declared_status is not null), '{}')
      from commitments c join action_plans p on p.id = c.action_plan_id join members m on m.id = p.member_id
      where c.id = any($1)
      on conflict (commitment_id) do update set
        ogp_id = excluded.ogp_id, member_id = excluded.member_id, member_kind = excluded.member_kind,
        action_plan_id = excluded.action_plan_id, plan_start_year = excluded.plan_start_year, plan_end_year = excluded.plan_end_year,
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

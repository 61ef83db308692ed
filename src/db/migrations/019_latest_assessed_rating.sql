-- A commitment's IRM rating per indicator is the one of the latest report that rated it (decision 011): a later
-- report that did not review it (NR, "Pending IRM Review") or had no data on it (ND) no longer hides an earlier
-- verdict. GT0045's completion was "Limited" in the progress report and "NR" at the end of term: the list, its
-- facet and the downloads said "not reviewed". `not_applicable` stays an answer: the IRM gives it for the per-value
-- "did it open government" indicators. Only when no report rated an indicator is the latest report's state shown.
-- Migration 009's refresh, with that order; then every commitment is refreshed, which also corrects the kept counts.
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
            order by r.indicator, r.state in ('not_reviewed', 'no_data'),
              array_position(array['design','progress','end_of_term','action_plan_review','results'], ir.report) desc
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

select refresh_commitment_facets(array(select id from commitments));

-- The whole list's kept counts (migration 009, decision 016) without the years: they were counted by plan start
-- year, while the years facet counts every year a plan runs in (as the `from`/`to` filter selects), so the list
-- counts that facet from commitment_facets and nothing read the 'years' rows. They were only work at every commit.
--
-- commitment_facet_values keeps its signature and ignores `plan_start_year`: its callers (refresh_commitment_facets,
-- which computes the old and the new rows' values with it) pass it positionally, and redefining the refresh here
-- for one argument would copy its whole statement into a second migration. `create or replace` may change the body
-- of a function, not its arguments.
--
-- A transaction committing meanwhile (an import in another process) must not add 'years' rows after the delete: the
-- lock makes its refresh wait for this migration, and plan its statement with the new function once it commits.
lock table commitment_facet_counts in share row exclusive mode;

create or replace function commitment_facet_values(member_id bigint, member_kind text, plan_start_year integer, policy_areas text[],
  lead_institutions bigint[], irm_ratings text[], milestone_statuses text[])
returns table (dimension text, value text) language sql immutable parallel safe as $$
  select * from (values ('member', member_id::text), ('kind', member_kind)) one
  union all select 'area', v from unnest(policy_areas) v
  union all select 'lead', v::text from unnest(lead_institutions) v
  union all select 'irm', v from unnest(irm_ratings) v
  union all select 'milestone', v from unnest(milestone_statuses) v
$$;

-- No refresh adds a 'years' row from now on, nor subtracts from one: the rows left would only be stale.
delete from commitment_facet_counts where dimension = 'years';

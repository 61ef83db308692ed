-- Browsing and search. Two pieces of derived data, kept current by triggers so that every writer (importers,
-- editors) keeps them right without knowing they exist:
--   commitment_texts.search_vector  full-text document of each commitment in each language (title A, prose B,
--                                   milestones C), stemmed in that language with accents folded;
--   commitment_facets               one narrow row per commitment with everything the list filters on, so a
--                                   filtered list and its facet counts are index scans over one table.

create extension if not exists unaccent;

-- Text search configurations that fold accents before stemming ("participación" finds "participacion").
create text search configuration ahadi_en (copy = english);
alter text search configuration ahadi_en alter mapping for hword, hword_part, word with unaccent, english_stem;
create text search configuration ahadi_fr (copy = french);
alter text search configuration ahadi_fr alter mapping for hword, hword_part, word with unaccent, french_stem;
create text search configuration ahadi_es (copy = spanish);
alter text search configuration ahadi_es alter mapping for hword, hword_part, word with unaccent, spanish_stem;
create text search configuration ahadi_simple (copy = simple);
alter text search configuration ahadi_simple alter mapping for hword, hword_part, word with unaccent, simple;

-- Languages without a stemmer here (Swahili, Portuguese for now) are searched word for word.
create function ahadi_search_config(locale text) returns regconfig
language sql immutable parallel safe as $$
  select case locale when 'en' then 'ahadi_en'::regconfig when 'fr' then 'ahadi_fr'::regconfig
                     when 'es' then 'ahadi_es'::regconfig else 'ahadi_simple'::regconfig end
$$;

alter table commitment_texts add column search_vector tsvector not null default ''::tsvector;
create index commitment_texts_search on commitment_texts using gin (search_vector);

create function commitment_text_vector(t commitment_texts) returns tsvector
language sql stable as $$
  select setweight(to_tsvector(ahadi_search_config(t.locale), t.title), 'A')
      || setweight(to_tsvector(ahadi_search_config(t.locale), concat_ws(' ', t.description, t.objectives, t.status_quo, t.ambition)), 'B')
      || setweight(to_tsvector(ahadi_search_config(t.locale), coalesce((
           select string_agg(mt.text, ' ' order by m.number)
           from milestones m join milestone_texts mt on mt.milestone_id = m.id and mt.locale = t.locale
           where m.commitment_id = t.commitment_id), '')), 'C')
$$;

create function commitment_texts_set_vector() returns trigger language plpgsql as $$
begin
  new.search_vector := commitment_text_vector(new);
  return new;
end $$;
create trigger commitment_texts_vector before insert or update of title, description, objectives, status_quo, ambition
  on commitment_texts for each row execute function commitment_texts_set_vector();

-- Milestone texts change a commitment's document: recompute the affected (commitment, language) pairs once per statement.
create function milestone_texts_refresh_vectors() returns trigger language plpgsql as $$
begin
  update commitment_texts t set search_vector = commitment_text_vector(t)
  from (select distinct m.commitment_id, c.locale
        from changed_milestone_texts c join milestones m on m.id = c.milestone_id) changed
  where t.commitment_id = changed.commitment_id and t.locale = changed.locale;
  return null;
end $$;
create trigger milestone_texts_vector_insert after insert on milestone_texts
  referencing new table as changed_milestone_texts for each statement execute function milestone_texts_refresh_vectors();
create trigger milestone_texts_vector_update after update on milestone_texts
  referencing new table as changed_milestone_texts for each statement execute function milestone_texts_refresh_vectors();
create trigger milestone_texts_vector_delete after delete on milestone_texts
  referencing old table as changed_milestone_texts for each statement execute function milestone_texts_refresh_vectors();

create table commitment_facets (
  commitment_id        bigint primary key references commitments(id),
  member_id            bigint not null,
  member_kind          text not null,
  action_plan_id       bigint not null,
  plan_start_year      integer not null,
  plan_end_year        integer not null,
  policy_areas         text[] not null,
  lead_institutions    bigint[] not null,
  -- 'indicator:value' of the latest assessment of each indicator ('completion:limited'), or 'indicator:state'.
  irm_ratings          text[] not null,
  milestone_statuses   text[] not null
);
create index commitment_facets_member on commitment_facets (member_id);
create index commitment_facets_plan on commitment_facets (action_plan_id);
create index commitment_facets_years on commitment_facets (plan_start_year, plan_end_year);
create index commitment_facets_policy_areas on commitment_facets using gin (policy_areas);
create index commitment_facets_lead on commitment_facets using gin (lead_institutions);
create index commitment_facets_ratings on commitment_facets using gin (irm_ratings);
create index commitment_facets_milestones on commitment_facets using gin (milestone_statuses);

-- The later report of a method wins for an indicator (results over action plan review, end of term over progress).
create function refresh_commitment_facets(ids bigint[]) returns void language sql as $$
  insert into commitment_facets (commitment_id, member_id, member_kind, action_plan_id, plan_start_year, plan_end_year,
                                 policy_areas, lead_institutions, irm_ratings, milestone_statuses)
  select c.id, m.id, m.kind, p.id, p.start_year, p.end_year,
    coalesce((select array_agg(cpa.policy_area_key order by cpa.policy_area_key) from commitment_policy_areas cpa where cpa.commitment_id = c.id), '{}'),
    coalesce((select array_agg(ci.institution_id order by ci.position) from commitment_institutions ci where ci.commitment_id = c.id and ci.role = 'lead'), '{}'),
    coalesce((select array_agg(distinct latest.indicator || ':' || coalesce(latest.value, latest.state)) from (
        select distinct on (r.indicator) r.indicator, r.value, r.state
        from irm_reviews ir join irm_ratings r on r.irm_review_id = ir.id
        where ir.commitment_id = c.id
        order by r.indicator, array_position(array['design','progress','end_of_term','action_plan_review','results'], ir.report) desc
      ) latest), '{}'),
    coalesce((select array_agg(distinct ms.declared_status) from milestones ms where ms.commitment_id = c.id and ms.declared_status is not null), '{}')
  from commitments c join action_plans p on p.id = c.action_plan_id join members m on m.id = p.member_id
  where c.id = any(ids)
  on conflict (commitment_id) do update set
    member_id = excluded.member_id, member_kind = excluded.member_kind, action_plan_id = excluded.action_plan_id,
    plan_start_year = excluded.plan_start_year, plan_end_year = excluded.plan_end_year,
    policy_areas = excluded.policy_areas, lead_institutions = excluded.lead_institutions,
    irm_ratings = excluded.irm_ratings, milestone_statuses = excluded.milestone_statuses
$$;

-- One statement-level trigger per source table and event: each refreshes the commitments its statement touched.
create function facets_refresh_from_commitments() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(select id from changed_rows));
  return null;
end $$;
create function facets_refresh_from_children() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(select distinct commitment_id from changed_rows));
  return null;
end $$;
create function facets_refresh_from_ratings() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(
    select distinct ir.commitment_id from changed_rows r join irm_reviews ir on ir.id = r.irm_review_id));
  return null;
end $$;
create function facets_refresh_from_plans() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(
    select c.id from commitments c where c.action_plan_id in (select id from changed_rows)));
  return null;
end $$;
create function facets_refresh_from_members() returns trigger language plpgsql as $$
begin
  perform refresh_commitment_facets(array(
    select c.id from commitments c join action_plans p on p.id = c.action_plan_id
    where p.member_id in (select id from changed_rows)));
  return null;
end $$;

create trigger commitments_facets_insert after insert on commitments
  referencing new table as changed_rows for each statement execute function facets_refresh_from_commitments();
create trigger commitments_facets_update after update on commitments
  referencing new table as changed_rows for each statement execute function facets_refresh_from_commitments();
create trigger policy_areas_facets_insert after insert on commitment_policy_areas
  referencing new table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger policy_areas_facets_delete after delete on commitment_policy_areas
  referencing old table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger institutions_facets_insert after insert on commitment_institutions
  referencing new table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger institutions_facets_delete after delete on commitment_institutions
  referencing old table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger milestones_facets_insert after insert on milestones
  referencing new table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger milestones_facets_update after update on milestones
  referencing new table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger milestones_facets_delete after delete on milestones
  referencing old table as changed_rows for each statement execute function facets_refresh_from_children();
create trigger ratings_facets_insert after insert on irm_ratings
  referencing new table as changed_rows for each statement execute function facets_refresh_from_ratings();
create trigger ratings_facets_update after update on irm_ratings
  referencing new table as changed_rows for each statement execute function facets_refresh_from_ratings();
create trigger ratings_facets_delete after delete on irm_ratings
  referencing old table as changed_rows for each statement execute function facets_refresh_from_ratings();
create trigger plans_facets_update after update on action_plans
  referencing new table as changed_rows for each statement execute function facets_refresh_from_plans();
create trigger members_facets_update after update on members
  referencing new table as changed_rows for each statement execute function facets_refresh_from_members();

-- Existing rows (databases migrated before this file).
update commitment_texts t set search_vector = commitment_text_vector(t);
select refresh_commitment_facets(array(select id from commitments));

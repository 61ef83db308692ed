-- A commitment's full text is searched when its source gave no sections (issue 3 §2). OGP's dataset brings a title
-- and "Full Text" only, so until now only the titles of its commitments were found. The prose of a text is its
-- sections (description, objectives, status quo, ambition) or, when it has none, its full text (null when it has
-- neither): never both, since a source that gives both repeats the sections in the full text, and counting its
-- words twice would rank it higher. Search snippets (commitment-list.queries.ts) are cut from the same prose.
create function commitment_text_prose(description text, objectives text, status_quo text, ambition text, full_text text,
  separator text) returns text language sql immutable parallel safe as $$
  select coalesce(nullif(concat_ws(separator, description, objectives, status_quo, ambition), ''), full_text)
$$;

create or replace function commitment_text_vector(t commitment_texts) returns tsvector
language sql stable as $$
  select setweight(to_tsvector(ahadi_search_config(t.locale), t.title), 'A')
      || setweight(to_tsvector(ahadi_search_config(t.locale),
           coalesce(commitment_text_prose(t.description, t.objectives, t.status_quo, t.ambition, t.full_text, ' '), '')), 'B')
      || setweight(to_tsvector(ahadi_search_config(t.locale), coalesce((
           select string_agg(mt.text, ' ' order by m.number)
           from milestones m join milestone_texts mt on mt.milestone_id = m.id and mt.locale = t.locale
           where m.commitment_id = t.commitment_id), '')), 'C')
$$;

-- The vector now also depends on full_text.
drop trigger commitment_texts_vector on commitment_texts;
create trigger commitment_texts_vector before insert or update of title, description, objectives, status_quo, ambition, full_text
  on commitment_texts for each row execute function commitment_texts_set_vector();

-- Only texts with a full text and no sections have a different document now.
update commitment_texts t set search_vector = commitment_text_vector(t)
where t.full_text is not null and concat_ws('', t.description, t.objectives, t.status_quo, t.ambition) = '';

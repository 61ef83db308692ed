-- Spanish singular and plural meet in search (decision 011, amended). `ahadi_es` folds accents before the Spanish
-- stemmer, whose suffix rules expect them: "institución" is kept as 'institucion' while "instituciones" stems to
-- 'institu', so neither found the other. The stemmer on the accented words stems both to 'institu' (its own stems
-- carry no accents), but it cannot stem words typed without accents ("informacion" stays 'informacion'). A Spanish
-- text therefore keeps its folded parse and adds the stems of the accented parse that the folded one lacks; a
-- search adds the accented parse of its words to the languages' parses it joins. Only the added lexemes are new, so
-- a word both parses stem alike is not counted twice in ranking.
create function ahadi_text_vector(locale text, body text) returns tsvector language sql immutable parallel safe as $$
  select case when locale = 'es' then folded || ts_delete(to_tsvector('spanish', body), tsvector_to_array(folded)) else folded end
  from (select to_tsvector(ahadi_search_config(locale), body) as folded) parsed
$$;

create or replace function commitment_text_vector(t commitment_texts) returns tsvector
language sql stable as $$
  select setweight(ahadi_text_vector(t.locale, t.title), 'A')
      || setweight(ahadi_text_vector(t.locale,
           coalesce(commitment_text_prose(t.description, t.objectives, t.status_quo, t.ambition, t.full_text, ' '), '')), 'B')
      || setweight(ahadi_text_vector(t.locale, coalesce((
           select string_agg(mt.text, ' ' order by m.number)
           from milestones m join milestone_texts mt on mt.milestone_id = m.id and mt.locale = t.locale
           where m.commitment_id = t.commitment_id), '')), 'C')
$$;

create or replace function ahadi_search_query(words text) returns tsquery language sql immutable parallel safe as $$
  select tsquery_or_agg(query order by n) from (
    select distinct on (query) query, n
    from unnest(array[websearch_to_tsquery('ahadi_en', words), websearch_to_tsquery('ahadi_fr', words),
                      websearch_to_tsquery('ahadi_es', words), websearch_to_tsquery('spanish', words),
                      websearch_to_tsquery('ahadi_simple', words)])
         with ordinality as u(query, n)
    order by query, n) distinct_queries
$$;

update commitment_texts t set search_vector = commitment_text_vector(t) where t.locale = 'es';

-- Spanish words typed without their accent meet their plurals in search (decision 011, amended). The Spanish stemmer's
-- suffix rules expect the accent: "institución" and "instituciones" both stem to 'institu', but "institucion",
-- as people type it on a phone, stays 'institucion' and misses the texts that write only the plural. Every Spanish
-- word ending in -ción or -sión carries that accent (a stressed last syllable ending in n), so the plain `spanish`
-- parse of the search words now reads a final "cion" or "sion" as "ción" or "sión". The other parses are unchanged,
-- and no stored vector changes: this is the search words' parse only.
create or replace function ahadi_search_query(words text) returns tsquery language sql immutable parallel safe as $$
  select tsquery_or_agg(query order by n) from (
    select distinct on (query) query, n
    from unnest(array[websearch_to_tsquery('ahadi_en', words), websearch_to_tsquery('ahadi_fr', words),
                      websearch_to_tsquery('ahadi_es', words),
                      websearch_to_tsquery('spanish', regexp_replace(words, '([cs])ion\M', '\1ión', 'gi')),
                      websearch_to_tsquery('ahadi_simple', words)])
         with ordinality as u(query, n)
    order by query, n) distinct_queries
$$;

-- A commitment's OGP id is a word of its search document (decision 011, amended). People search for the id they were
-- given ("KE0031"), alone or among other words: `KE0031 or KE0034`, `-KE0031`, `KE0031 open`. Until now the list
-- matched an id only when it was the whole search, through a condition of its own that the search syntax never saw.
-- In the document, the search syntax applies to it as to any word. Every parse reads "KE0031" as one word, 'ke0031'
-- (a word of letters and digits is not stemmed), so the 'simple' parse of the id is what any language's search
-- words meet. Weight A, as the title: the id names the commitment. It comes last, so a document with the id appended
-- is the same as one computed afresh, which lets the update below append it instead of parsing every text again.
create or replace function commitment_text_vector(t commitment_texts) returns tsvector
language sql stable as $$
  select setweight(ahadi_text_vector(t.locale, t.title), 'A')
      || setweight(ahadi_text_vector(t.locale,
           coalesce(commitment_text_prose(t.description, t.objectives, t.status_quo, t.ambition, t.full_text, ' '), '')), 'B')
      || setweight(ahadi_text_vector(t.locale, coalesce((
           select string_agg(mt.text, ' ' order by m.number)
           from milestones m join milestone_texts mt on mt.milestone_id = m.id and mt.locale = t.locale
           where m.commitment_id = t.commitment_id), '')), 'C')
      || setweight(to_tsvector('simple', coalesce((select c.ogp_id from commitments c where c.id = t.commitment_id), '')), 'A')
$$;

-- No command changes an OGP id today (importers find commitments by it); a writer that does keeps the documents right.
create function commitments_ogp_id_refresh_vectors() returns trigger language plpgsql as $$
begin
  update commitment_texts t set search_vector = commitment_text_vector(t) where t.commitment_id = new.id;
  return null;
end $$;
create trigger commitments_ogp_id_vector after update of ogp_id on commitments
  for each row when (old.ogp_id is distinct from new.ogp_id) execute function commitments_ogp_id_refresh_vectors();

update commitment_texts t set search_vector = t.search_vector || setweight(to_tsvector('simple', c.ogp_id), 'A')
from commitments c where c.id = t.commitment_id;

-- Atom feeds (src/feeds/) list the most recently created or changed commitments: read them from an index instead of
-- sorting every commitment by updated_at.
create index commitments_updated on commitments (updated_at desc, ogp_id);

-- The upload quota (decision 014, src/evidence/upload-quota.ts) sums the files an account added in the last 24 hours
-- at every upload: without this index that reads every evidence item (~250 ms at a million).
create index evidence_items_added_by on evidence_items (added_by, added_at);

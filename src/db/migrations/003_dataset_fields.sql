-- What OGP's commitment dataset (and secretariats' spreadsheets) say that the foundation had no place for.

-- A commitment's own dates, as precise as the source gave them. A date the importer could not read keeps its
-- original wording in *_raw with no date, never a guessed date ("Underway", Excel's "7/16/1905").
alter table commitments
  add column start_date       date,
  add column start_precision  text check (start_precision in ('day', 'month', 'quarter', 'year')),
  add column start_raw        text,
  add column end_date         date,
  add column end_precision    text check (end_precision in ('day', 'month', 'quarter', 'year')),
  add column end_raw          text,
  -- The number as the plan writes it ("2.1", "B.1.A"); number_in_plan holds it only when it is a whole number.
  add column number_label     text check (number_label <> ''),
  -- SHA-256 of the normalized record last saved: a re-import of the same record writes nothing ("unchanged").
  add column record_hash      text,
  add constraint commitments_start_precision check ((start_date is null) = (start_precision is null)),
  add constraint commitments_end_precision check ((end_date is null) = (end_precision is null));

-- The commitment's complete text as the source publishes it (OGP's "Full Text", milestones included).
alter table commitment_texts add column full_text text;

-- OGP's dataset gives the year an IRM report was published, not the day.
alter table irm_reviews add column published_year integer check (published_year between 2011 and 2100);

import { sql, type RawBuilder } from 'kysely';
import { INSTITUTION_KINDS } from '../institutions/institution-kinds.ts';
import { IRM_INDICATOR_KEYS, IRM_METHODS, IRM_REPORTS, RATING_STATES } from '../irm/indicators.ts';
import { VERDICTS } from '../reporting/commands/record-verdict.ts';
import { REPORT_STATUSES } from '../reporting/commands/submit-milestone-report.ts';
import { CLOSED_ROUND, PUBLISHED_REPORT } from '../reporting/published-reporting.ts';
import { publishedInstitution } from '../institutions/published-institution.ts';

/**
 * The tables of the open-data package and what each column means: the one description from which the package's
 * CSV files, JSON Schemas, data dictionaries and datapackage.json, and the open-data page, are all made.
 * Columns are named as in the database. Left out on purpose: derived data (`commitment_facets` and its
 * `irm_rating_codes`, search vectors, `commitments.record_hash`) and everything about accounts. A test checks that no
 * other column is forgotten.
 * Reporting (decisions 013, 018) is published as the public sees it: closed rounds only, the reports, evidence and
 * verdicts their snapshots point to, no restricted evidence, and reviewers by their organisation, never as persons.
 */
export type ColumnType = 'integer' | 'string' | 'boolean' | 'date' | 'datetime';
export type OpenDataColumn = {
  name: string;
  type: ColumnType;
  /** Never empty. */
  required: boolean;
  description: string;
  enum?: readonly string[];
  /** The column, of another table of the package or this one, whose values this one's are: a foreign key. */
  references?: { table: string; column: string };
};
export type OpenDataTable = {
  name: string;
  description: string;
  /** The primary key: rows are written in its order, and read a batch at a time after the last one written. */
  key: readonly string[];
  columns: readonly OpenDataColumn[];
  /** Which rows are public, when not all are: a condition on the table's own columns (never from a request). */
  published?: RawBuilder<unknown>;
};

const col = (name: string, type: ColumnType, required: boolean, description: string, values?: readonly string[]): OpenDataColumn =>
  ({ name, type, required, description, ...(values ? { enum: values } : {}) });

const id = (what: string) => col('id', 'integer', true, `Ahadi's key for the ${what}, referred to by other tables of this package`);
const refersTo = (column: OpenDataColumn, table: string, key: string): OpenDataColumn => ({ ...column, references: { table, column: key } });
const ref = (name: string, table: string, what: string, required = true) =>
  refersTo(col(name, 'integer', required, `The ${what} (${table}.id)`), table, 'id');
const policyAreaKey = refersTo(col('policy_area_key', 'string', true, 'The policy area (policy_areas.key)'), 'policy_areas', 'key');
const created = col('created_at', 'datetime', true, 'When the row was first stored in Ahadi (ISO 8601, UTC)');
const updated = col('updated_at', 'datetime', true, 'When the row was last changed in Ahadi (ISO 8601, UTC)');
const locale = (of: string) => col('locale', 'string', true, `Language of the ${of} (ISO 639-1 code: en, fr, es, sw, ...)`);
const PRECISIONS = ['day', 'month', 'quarter', 'year'] as const;
const datePrecision = (prefix: 'start' | 'end', of: string) => [
  col(`${prefix}_date`, 'date', false, `${prefix === 'start' ? 'Start' : 'End'} date of the ${of}, as its first day when less precise than a day`),
  col(`${prefix}_precision`, 'string', false, `How precise ${prefix}_date is (empty when there is no date)`, PRECISIONS),
  col(`${prefix}_raw`, 'string', false, `The ${prefix} date as the source wrote it; alone when it could not be read as a date`),
];

const PUBLIC_EVIDENCE = sql`not restricted and milestone_report_id in (${PUBLISHED_REPORT})`;
const count = (name: string, what: string) => col(name, 'integer', true, what);
export const OPEN_DATA_TABLES: readonly OpenDataTable[] = [
  {
    name: 'members',
    description: 'OGP members: countries (national) and local governments.',
    key: ['id'],
    columns: [
      id('member'),
      col('slug', 'string', true, "The member's name in Ahadi's web addresses (kenya)"),
      col('name', 'string', true, "The member's name as recorded (in English for countries)"),
      col('kind', 'string', true, 'national, local, legacy_local (local member of the former pilot) or other', ['national', 'local', 'legacy_local', 'other']),
      col('ogp_prefix', 'string', true, "The letters that start the member's OGP commitment ids (KE)"),
      col('iso_alpha2', 'string', false, 'ISO 3166-1 alpha-2 code of the country'),
      col('code', 'string', false, "OGP's three- or four-letter code of the member (KEN), used in action plan ids (AP_KEN04)"),
      col('region', 'string', false, "OGP's region of the member"),
      created, updated,
    ],
  },
  {
    name: 'action_plans',
    description: "Members' action plans.",
    key: ['id'],
    columns: [
      id('action plan'),
      ref('member_id', 'members', 'member'),
      col('number', 'integer', true, "Number of the plan among the member's plans (1, 2, ...)"),
      col('submission_year', 'integer', true, 'Year the plan was submitted (its OGP cycle)'),
      col('start_year', 'integer', true, 'First year of the plan'),
      col('end_year', 'integer', true, 'Last year of the plan'),
      created, updated,
    ],
  },
  {
    name: 'institutions',
    description: 'Institutions that lead or support at least one commitment, or that what closed reporting rounds published names (responsible, reporting or reviewing), or that such an institution was merged into, one record per member and name. An institution left with none of these (an import renamed it, or named others on its commitments) is left out.',
    key: ['id'],
    published: publishedInstitution(sql.ref('institutions.id')),
    columns: [
      id('institution'),
      ref('member_id', 'members', 'member', false),
      col('slug', 'string', true, "The institution's name in Ahadi's web addresses, unique within its member"),
      col('name', 'string', true, 'Name as the source wrote it'),
      col('kind', 'string', true, 'Kind of institution, inferred from its name', INSTITUTION_KINDS),
      col('abbreviation', 'string', false, 'Abbreviation of its name, when the secretariat gave one'),
      refersTo(col('merged_into_id', 'integer', false, 'Set on a former name, or an institution merged into another: the institution (institutions.id) that now has its commitments and people'), 'institutions', 'id'),
      created, updated,
    ],
  },
  {
    name: 'policy_areas',
    description: "OGP's policy-area taxonomy.",
    key: ['key'],
    columns: [
      col('key', 'string', true, 'Stable key of the policy area (open-data), referred to by commitment_policy_areas'),
      col('parent_key', 'string', false, 'Key of the broader policy area it belongs to'),
      col('position', 'integer', true, "Order of the policy area in OGP's dataset"),
    ],
  },
  {
    name: 'policy_area_labels',
    description: 'Names of the policy areas in each language.',
    key: ['policy_area_key', 'locale'],
    columns: [
      policyAreaKey,
      locale('label'),
      col('label', 'string', true, 'Name of the policy area in that language'),
    ],
  },
  {
    name: 'commitments',
    description: 'Commitments of the action plans.',
    key: ['id'],
    columns: [
      id('commitment'),
      col('ogp_id', 'string', true, "OGP's commitment id (KE0031)"),
      ref('action_plan_id', 'action_plans', 'action plan'),
      col('number_in_plan', 'integer', false, 'Number of the commitment in its plan, when a whole number'),
      col('number_label', 'string', false, 'The number as the plan writes it (2.1, B.1.A), when not a whole number'),
      col('status', 'string', false, 'Status declared by the source', ['active', 'completed', 'withdrawn']),
      col('source_locale', 'string', true, 'Language the commitment was written in'),
      ref('carried_over_from_id', 'commitments', 'commitment of an earlier plan this one continues', false),
      ...datePrecision('start', 'commitment'),
      ...datePrecision('end', 'commitment'),
      created, updated,
    ],
  },
  {
    name: 'commitment_texts',
    description: 'The prose of each commitment, one row per language it exists in.',
    key: ['commitment_id', 'locale'],
    columns: [
      ref('commitment_id', 'commitments', 'commitment'),
      locale('text'),
      col('title', 'string', true, 'Title'),
      col('description', 'string', false, 'What the commitment is'),
      col('objectives', 'string', false, 'What it sets out to achieve'),
      col('status_quo', 'string', false, 'The problem it addresses'),
      col('ambition', 'string', false, 'How it goes beyond current practice'),
      col('full_text', 'string', false, 'The whole text as the source publishes it, when not cut into the parts above'),
    ],
  },
  {
    name: 'commitment_institutions',
    description: 'Which institutions lead and support which commitments.',
    key: ['commitment_id', 'institution_id', 'role'],
    columns: [
      ref('commitment_id', 'commitments', 'commitment'),
      ref('institution_id', 'institutions', 'institution'),
      col('role', 'string', true, 'lead or supporting', ['lead', 'supporting']),
      col('actor_group', 'string', false, 'For supporting institutions: government or other actors', ['government', 'other']),
      col('position', 'integer', true, 'Order of the institution in the source (0 first)'),
    ],
  },
  {
    name: 'commitment_policy_areas',
    description: 'The policy areas of each commitment.',
    key: ['commitment_id', 'policy_area_key'],
    columns: [ref('commitment_id', 'commitments', 'commitment'), policyAreaKey],
  },
  {
    name: 'milestones',
    description: 'Milestones of the commitments.',
    key: ['id'],
    columns: [
      id('milestone'),
      ref('commitment_id', 'commitments', 'commitment'),
      col('number', 'integer', true, 'Number of the milestone in its commitment'),
      col('declared_status', 'string', false, 'new, or ongoing from an earlier plan, as the plan declares it', ['new', 'ongoing']),
      ...datePrecision('start', 'milestone'),
      ...datePrecision('end', 'milestone'),
      col('planned_end_date', 'date', false, 'The end date the plan first gave, kept when the milestone was re-planned'),
      col('planned_end_precision', 'string', false, 'How precise planned_end_date is (empty when there is none)', PRECISIONS),
    ],
  },
  {
    name: 'milestone_texts',
    description: 'The text of each milestone, one row per language.',
    key: ['milestone_id', 'locale'],
    columns: [ref('milestone_id', 'milestones', 'milestone'), locale('text'), col('text', 'string', true, 'What the milestone is')],
  },
  {
    name: 'irm_reviews',
    description: 'Reviews of commitments by the Independent Reporting Mechanism (IRM), one per report.',
    key: ['id'],
    columns: [
      id('review'),
      ref('commitment_id', 'commitments', 'commitment'),
      col('method', 'string', true, 'IRM method: irm_2012 (design, progress, end-of-term reports) or irm_2020 (action plan review, results report)', IRM_METHODS),
      col('report', 'string', true, 'The IRM report the review comes from', IRM_REPORTS),
      col('published_on', 'date', false, 'Day the report was published'),
      col('published_year', 'integer', false, 'Year the report was published, when the day is unknown'),
      col('irm_number', 'integer', false, 'Number the IRM gives the commitment in its report'),
      col('source_locale', 'string', true, 'Language the review was written in'),
    ],
  },
  {
    name: 'irm_review_texts',
    description: 'Titles and narratives of the IRM reviews, one row per language.',
    key: ['irm_review_id', 'locale'],
    columns: [
      ref('irm_review_id', 'irm_reviews', 'IRM review'),
      locale('text'),
      col('irm_title', 'string', false, 'Title the IRM gives the commitment'),
      col('narrative', 'string', false, "The IRM's narrative"),
    ],
  },
  {
    name: 'irm_ratings',
    description: 'Ratings of each IRM review, one row per indicator.',
    key: ['irm_review_id', 'indicator'],
    columns: [
      ref('irm_review_id', 'irm_reviews', 'IRM review'),
      col('indicator', 'string', true, 'The IRM indicator (completion, potential_impact, ...)', IRM_INDICATOR_KEYS),
      col('state', 'string', true, 'assessed, or why there is no value: not_reviewed, no_data, not_applicable', RATING_STATES),
      col('value', 'string', false, 'The rating (a key such as substantial or limited); empty unless state is assessed'),
    ],
  },
  {
    name: 'reporting_rounds',
    description: 'Closed reporting rounds: each asked the institutions of an action plan to report on its milestones by a deadline. Open rounds are not published.',
    key: ['id'],
    published: sql`closed_at is not null`,
    columns: [
      id('reporting round'),
      ref('action_plan_id', 'action_plans', 'action plan reported on'),
      col('label', 'string', true, 'Name of the round, unique within its plan (2021 Q3)'),
      col('deadline', 'datetime', true, 'Reports given after this moment were late (the end of the deadline day, UTC)'),
      col('opened_at', 'datetime', true, 'When the round was opened'),
      col('closed_at', 'datetime', true, 'When the round was closed and its snapshot published; nothing in it changes afterwards'),
    ],
  },
  {
    name: 'reporting_round_snapshots',
    description: 'What each closed round published: one row per milestone of the plan, as it stood at close, including milestones nobody reported on (empty status).',
    key: ['reporting_round_id', 'milestone_id'],
    published: sql`reporting_round_id in (${CLOSED_ROUND})`,
    columns: [
      ref('reporting_round_id', 'reporting_rounds', 'reporting round'),
      ref('milestone_id', 'milestones', 'milestone'),
      ref('responsible_institution_id', 'institutions', "first institution responsible for the milestone (its commitment's first lead); all of them are in round_snapshot_institutions", false),
      ref('milestone_report_id', 'milestone_reports', 'report published for the milestone; empty when none was given (missing)', false),
      col('status', 'string', false, 'Status the report declared; empty when the report is missing', REPORT_STATUSES),
      col('percent_complete', 'integer', false, 'How complete the report said the milestone was (0-100)'),
      col('submitted_at', 'datetime', false, 'When the report was last sent'),
      col('late', 'boolean', true, 'Whether the report was first sent after the deadline'),
      count('evidence_count', 'Evidence items given with the report, restricted ones included'),
      count('public_evidence_count', 'Evidence items the public may see (the rows of evidence_items for the report)'),
      col('verdict', 'string', false, "Civil society's verdict on the final version of the report: disputed if any reviewer disputed it, else insufficient_evidence if any found so, else confirmed; empty when none was given", VERDICTS),
      count('confirmed_count', 'Reviewers who confirmed the final version'),
      count('disputed_count', 'Reviewers who disputed the final version'),
      count('insufficient_count', 'Reviewers who found the evidence of the final version insufficient'),
    ],
  },
  {
    name: 'round_snapshot_institutions',
    description: "Every institution responsible for a milestone in what a closed round published: each lead institution of its commitment, in their order (a co-led commitment has several). Position 0 is the snapshot's responsible_institution_id.",
    key: ['reporting_round_id', 'milestone_id', 'position'],
    published: sql`reporting_round_id in (${CLOSED_ROUND})`,
    columns: [
      ref('reporting_round_id', 'reporting_rounds', 'reporting round'),
      ref('milestone_id', 'milestones', 'milestone (with reporting_round_id, the row of reporting_round_snapshots)'),
      ref('institution_id', 'institutions', 'institution responsible for the milestone'),
      col('position', 'integer', true, 'Order of the institution among the responsible ones (0 first)'),
    ],
  },
  {
    name: 'milestone_reports',
    description: 'Reports on milestones published by closed rounds, as last revised before the close.',
    key: ['id'],
    published: sql`id in (${PUBLISHED_REPORT})`,
    columns: [
      id('report'),
      ref('reporting_round_id', 'reporting_rounds', 'reporting round'),
      ref('milestone_id', 'milestones', 'milestone reported on'),
      ref('institution_id', 'institutions', 'institution that gave the report'),
      col('status', 'string', true, 'Status declared by the institution', REPORT_STATUSES),
      col('percent_complete', 'integer', true, 'How complete the institution said the milestone was (0-100)'),
      col('narrative', 'string', true, 'What was done, in the words of the institution'),
      col('narrative_locale', 'string', true, 'Language of the narrative (ISO 639-1 code)'),
      col('revision', 'integer', true, 'Version of the report (1 for the first, 2 once revised, ...)'),
      col('first_submitted_at', 'datetime', true, 'When the first version was sent (a report is late when this is after the deadline)'),
      col('submitted_at', 'datetime', true, 'When the last version was sent'),
    ],
  },
  {
    name: 'evidence_items',
    description: 'Evidence given with published reports: a stored file (downloadable at /evidence/{id}) or a link. Evidence restricted by its institution is left out.',
    key: ['id'],
    published: PUBLIC_EVIDENCE,
    columns: [
      id('evidence item'),
      ref('milestone_report_id', 'milestone_reports', 'report it was given with'),
      col('kind', 'string', true, 'file or link', ['file', 'link']),
      col('title', 'string', true, 'What the evidence is'),
      refersTo(col('file_sha256', 'string', false, 'For a file: SHA-256 of its content (evidence_files.sha256)'), 'evidence_files', 'sha256'),
      col('file_name', 'string', false, 'For a file: its name as uploaded'),
      col('url', 'string', false, 'For a link: its address'),
      col('link_sha256', 'string', false, 'For a link: SHA-256 of what it served when Ahadi fetched it'),
      col('link_media_type', 'string', false, 'For a link: the media type it served when fetched'),
      col('link_fetched_at', 'datetime', false, 'For a link: when Ahadi fetched it; empty when it could not'),
      col('link_error', 'string', false, 'For a link that could not be fetched: why'),
      col('added_at', 'datetime', true, 'When the evidence was given'),
    ],
  },
  {
    name: 'evidence_files',
    description: 'The files of public evidence items, stored once by content.',
    key: ['sha256'],
    published: sql`sha256 in (select file_sha256 from evidence_items where ${PUBLIC_EVIDENCE})`,
    columns: [
      col('sha256', 'string', true, 'SHA-256 of the content, referred to by evidence_items.file_sha256'),
      col('size_bytes', 'integer', true, 'Size in bytes'),
      col('media_type', 'string', true, 'Media type found in the content (application/pdf, ...)'),
      col('created_at', 'datetime', true, 'When the file was first stored'),
    ],
  },
  {
    name: 'milestone_report_verdicts',
    description: "Civil-society reviewers' verdicts on published reports, one per reviewer and report. Reviewers are named by their organisation, never as persons.",
    key: ['id'],
    published: sql`milestone_report_id in (${PUBLISHED_REPORT})`,
    columns: [
      id('verdict'),
      ref('milestone_report_id', 'milestone_reports', 'report judged'),
      ref('reviewer_institution_id', 'institutions', "reviewer's organisation; empty when the reviewer has none on record", false),
      col('verdict', 'string', true, 'confirmed, disputed, or insufficient_evidence', VERDICTS),
      col('comment', 'string', false, 'Why, for a dispute or insufficient evidence'),
      col('report_revision', 'integer', true, 'Version of the report judged: a verdict on an earlier version than the published one does not count in the snapshot'),
      col('recorded_at', 'datetime', true, 'When the verdict was last given'),
    ],
  },
];

/** Columns of the exported tables that are left out of the package on purpose (derived data, accounts, restrictions). */
export const LEFT_OUT_COLUMNS: Record<string, readonly string[]> = {
  commitments: ['record_hash'],
  commitment_texts: ['search_vector'],
  reporting_rounds: ['opened_by', 'closed_by'],
  milestone_reports: ['submitted_by'],
  // Only unrestricted items are published, so `restricted` is always false and the reason empty.
  evidence_items: ['added_by', 'restricted', 'restricted_reason'],
  milestone_report_verdicts: ['reviewer_id'],
};

import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import { slugify } from '../text/slugify.ts';
import type { CommitmentRecord, DateAsWritten } from './commitment-record.ts';

/**
 * The history an import leaves (decision 012): what the stored commitments showed before a batch overwrites them,
 * and one `import_commitment` change per commitment created or changed, with only the fields the import changed.
 * Used by save-commitment-records.ts, inside its transaction.
 */

type Trx = Transaction<Database>;

/** A commitment of the batch as saved: its record, the record's hash, its id, the stale labels it dropped. */
export type SavedCommitment = { record: CommitmentRecord; hash: string; commitmentId?: string; staleLocales?: readonly string[] };

/** A date as the commitment page shows it: read (date and precision), or only the source's words, or none. */
type ShownDate = { date: string; precision: string } | { raw: string } | null;
/** `formerSlugs`, of a stored institution: its former names' and those of the institutions merged into it (migration 024). */
type Institution = { slug: string; name: string; formerSlugs?: string[] };
/** A stored IRM review, by report, in the record's names; ratings as [indicator, state, value]. */
type StoredReview = {
  method: string; publishedOn: string | null; publishedYear: number | null; irmNumber: number | null;
  texts: Record<string, { irmTitle: string | null; narrative: string | null }>; ratings: [string, string, string | null][];
};

/**
 * What a commitment shows, in the field names of the edit commands (decision 012; `create_commitment` for the
 * institutions, policy areas and dates), with the record hash that says which source version it holds. Institutions
 * are compared by slug (the saver finds them so, whatever case or accents a name came with) and stored by name;
 * `leadInstitution` is a list, since a source may name several. A stored text's summary also has its full text,
 * which staleLocales compares and history entries leave out. Milestones have entries of their own (saveMilestoneLists);
 * IRM reviews (`irm`) are not in the history model, only compared (irmReviewsChanged).
 */
export type Summary = {
  recordHash: string | null; status: string | null; numberInPlan: number | string | null; start: ShownDate; end: ShownDate;
  leadInstitution: Institution[]; supportingInstitutions: Institution[]; policyAreas: string[];
  texts: Record<string, Record<string, string | null>>; irm: Record<string, StoredReview>;
};

const TEXT_FIELDS = ['title', 'description', 'objectives', 'statusQuo', 'ambition'] as const;
const WHOLE_TEXT = [...TEXT_FIELDS, 'fullText'] as const;
/** The fields an entry lists besides the texts, in the order the history page shows them. */
const LISTED = ['status', 'numberInPlan', 'start', 'end', 'leadInstitution', 'supportingInstitutions', 'policyAreas'] as const;

const FORMER_SLUGS = sql`array(select f.slug from institutions f where f.merged_into_id = i.id)`;

/** The summaries of stored commitments by OGP id, read before a batch overwrites them (one query for the batch). */
export async function storedSummaries(trx: Trx, ogpIds: string[]): Promise<Map<string, Summary>> {
  if (ogpIds.length === 0) return new Map();
  const rows = await sql<{
    ogp_id: string; record_hash: string | null; status: string | null; number: string | null; number_in_plan: number | null;
    start_date: string | null; start_precision: string | null; start_raw: string | null;
    end_date: string | null; end_precision: string | null; end_raw: string | null;
    lead: Institution[]; supporting: Institution[]; policy_areas: string[]; irm: Record<string, StoredReview>;
    locale: string | null; title: string | null; description: string | null; objectives: string | null; status_quo: string | null;
    ambition: string | null; full_text: string | null;
  }>`
    with c as (
      select c.id, c.ogp_id, c.record_hash, c.status, c.number_label as number, c.number_in_plan,
        c.start_date::text, c.start_precision, c.start_raw, c.end_date::text, c.end_precision, c.end_raw,
        (select coalesce(json_agg(json_build_object('slug', i.slug, 'name', i.name, 'formerSlugs', ${FORMER_SLUGS}) order by ci.position) filter (where ci.role = 'lead'), '[]')
          from commitment_institutions ci join institutions i on i.id = ci.institution_id where ci.commitment_id = c.id) as lead,
        (select coalesce(json_agg(json_build_object('slug', i.slug, 'name', i.name, 'formerSlugs', ${FORMER_SLUGS}) order by ci.position) filter (where ci.role = 'supporting'), '[]')
          from commitment_institutions ci join institutions i on i.id = ci.institution_id where ci.commitment_id = c.id) as supporting,
        array(select p.policy_area_key from commitment_policy_areas p where p.commitment_id = c.id order by p.policy_area_key) as policy_areas,
        (select coalesce(json_object_agg(r.report, json_build_object('method', r.method, 'publishedOn', r.published_on::text,
            'publishedYear', r.published_year, 'irmNumber', r.irm_number,
            'texts', (select coalesce(json_object_agg(x.locale, json_build_object('irmTitle', x.irm_title, 'narrative', x.narrative)), '{}')
              from irm_review_texts x where x.irm_review_id = r.id),
            'ratings', (select coalesce(json_agg(json_build_array(g.indicator, g.state, g.value)), '[]') from irm_ratings g where g.irm_review_id = r.id))), '{}')
          from irm_reviews r where r.commitment_id = c.id) as irm
      from commitments c where c.ogp_id = any(${ogpIds}::text[]))
    select c.*, t.locale, t.title, t.description, t.objectives, t.status_quo, t.ambition, t.full_text
    from c left join commitment_texts t on t.commitment_id = c.id`.execute(trx);
  const summaries = new Map<string, Summary>();
  for (const row of rows.rows) {
    const summary = summaries.get(row.ogp_id) ?? {
      recordHash: row.record_hash, status: row.status, numberInPlan: row.number ?? row.number_in_plan,
      start: shownDate(row.start_date, row.start_precision, row.start_raw), end: shownDate(row.end_date, row.end_precision, row.end_raw),
      leadInstitution: row.lead, supportingInstitutions: row.supporting, policyAreas: row.policy_areas, texts: {}, irm: row.irm,
    };
    if (row.locale !== null) {
      summary.texts[row.locale] = {
        title: row.title, description: row.description, objectives: row.objectives, statusQuo: row.status_quo, ambition: row.ambition,
        fullText: row.full_text,
      };
    }
    summaries.set(row.ogp_id, summary);
  }
  return summaries;
}

function shownDate(date: string | null, precision: string | null, raw: string | null): ShownDate {
  if (date !== null && precision !== null) return { date, precision };
  return raw === null ? null : { raw };
}

const recordDate = (value: DateAsWritten | undefined): ShownDate =>
  (value === undefined ? null : 'date' in value ? { date: value.date, precision: value.precision } : { raw: value.raw });

/** An institution named twice in one role is one link (see the saver), at its first place. */
function institutions(named: readonly { name: string }[], slugOf: (name: string) => string): Institution[] {
  const bySlug = new Map<string, Institution>();
  for (const { name } of named) {
    const slug = slugOf(name);
    if (!bySlug.has(slug)) bySlug.set(slug, { slug, name });
  }
  return [...bySlug.values()];
}

/** What the commitment shows once the record is saved (its milestones aside). */
function summaryOf(saved: SavedCommitment, slugOf: (name: string) => string): Summary {
  const { record } = saved;
  const texts = Object.fromEntries(Object.entries(record.texts).map(([locale, text]) =>
    [locale, Object.fromEntries(TEXT_FIELDS.map((field) => [field, text[field] ?? null]))]));
  return {
    recordHash: saved.hash, status: record.status ?? null, numberInPlan: record.numberLabel ?? record.numberInPlan ?? null,
    start: recordDate(record.start), end: recordDate(record.end),
    leadInstitution: institutions(record.leadInstitutions, slugOf), supportingInstitutions: institutions(record.supportingInstitutions, slugOf),
    policyAreas: [...new Set(record.policyAreas)].sort(), texts, irm: {},
  };
}

/**
 * The file's institutions with each former name of an institution the commitment names (a name the secretariat
 * renamed, or an institution merged into another) as that institution, as the saver links it: an older file naming
 * "Ministry of ICT" changes nothing on a commitment led by what it was renamed to. Each institution once.
 */
function asStored(before: Summary, named: Institution[]): Institution[] {
  const now = new Map<string, Institution>();
  for (const i of [...before.leadInstitution, ...before.supportingInstitutions]) for (const slug of i.formerSlugs ?? []) now.set(slug, i);
  const institutions = new Map<string, Institution>();
  for (const i of named) {
    const current = now.get(i.slug) ?? i;
    if (!institutions.has(current.slug)) institutions.set(current.slug, current);
  }
  return [...institutions.values()];
}

/** A listed field as the history stores it: institutions by name. */
function historyValue(summary: Summary, field: (typeof LISTED)[number]): unknown {
  const value = summary[field];
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : v.name)) : value;
}

/** A listed field as it is compared: institutions by slug, a number as the page writes it ("2" whether label or number). */
function comparable(summary: Summary, field: (typeof LISTED)[number]): string {
  const value = summary[field];
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => (typeof v === 'string' ? v : v.slug)));
  return JSON.stringify(typeof value === 'number' ? String(value) : value);
}

export type Entry = { before: Record<string, unknown>; after: Record<string, unknown> };

/**
 * Only what differs between two summaries, as the `before` and `after` of a change: the fields an import changed.
 * A language the record does not bring is kept by the saver, so it is not a difference, unless it was a stale label
 * (see staleLocales): its fields then go from their text to null. Undefined when nothing listed differs: see
 * recordImportChanges.
 */
function touched(before: Summary, after: Summary, stale: readonly string[]): Entry | undefined {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const field of LISTED) {
    if (comparable(before, field) !== comparable(after, field)) [b[field], a[field]] = [historyValue(before, field), historyValue(after, field)];
  }
  const bTexts: Summary['texts'] = {};
  const aTexts: Summary['texts'] = {};
  for (const [locale, text] of Object.entries(after.texts)) {
    const old = before.texts[locale];
    const fields = TEXT_FIELDS.filter((field) => old?.[field] !== text[field]);
    if (fields.length === 0) continue;
    bTexts[locale] = old ? Object.fromEntries(fields.map((f) => [f, old[f] ?? null])) : {};
    aTexts[locale] = Object.fromEntries(fields.map((f) => [f, text[f] ?? null]));
  }
  for (const locale of stale) {
    const old = before.texts[locale]!;
    const fields = TEXT_FIELDS.filter((field) => old[field] != null);
    bTexts[locale] = Object.fromEntries(fields.map((f) => [f, old[f] ?? null]));
    aTexts[locale] = Object.fromEntries(fields.map((f) => [f, null]));
  }
  if (Object.keys(aTexts).length > 0) [b.texts, a.texts] = [bTexts, aTexts];
  if (Object.keys(a).length === 0) return undefined;
  return { before: { recordHash: before.recordHash, ...b }, after: { recordHash: after.recordHash, ...a } };
}

/** A created commitment's entry: nothing before, everything it shows after (as `create_commitment` records). */
function created(after: Summary): Entry {
  return { before: {}, after: { recordHash: after.recordHash, ...Object.fromEntries(LISTED.map((f) => [f, historyValue(after, f)])), texts: after.texts } };
}

/**
 * The entry of each commitment of the batch whose save changes a field or text it shows (all new ones), computed
 * before the save from what was stored: the saver bumps `updated_at` (the feeds' and the list's "changed") for
 * those, and recordImportChanges writes them.
 */
export function importEntries<T extends SavedCommitment>(saved: readonly T[], storedBefore: Map<string, Summary>): Map<T, Entry> {
  const entries = new Map<T, Entry>();
  // A file names the same institutions again and again: each name is slugified once (slugify is not cheap).
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => slugs.get(name) ?? slugs.set(name, slugify(name)).get(name)!;
  for (const item of saved) {
    const before = storedBefore.get(item.record.ogpId);
    const shown = summaryOf(item, slugOf);
    // A source that gives no status (OGP's dataset, most spreadsheets) keeps the stored one: see upsertCommitments.
    const kept = before && shown.status === null ? { ...shown, status: before.status } : shown;
    const after = before ? {
      ...kept, leadInstitution: asStored(before, kept.leadInstitution), supportingInstitutions: asStored(before, kept.supportingInstitutions),
    } : kept;
    const entry = before ? touched(before, after, item.staleLocales ?? []) : created(after);
    if (entry) entries.set(item, entry);
  }
  return entries;
}

/**
 * Whether saving the record changes an IRM review its commitment shows: one of the reports it brings is new, or
 * differs in its fields, in a text of a language it brings (the saver keeps the others) or in its ratings (replaced).
 * The history does not list reviews, but the commitment is then marked changed.
 */
export function irmReviewsChanged(stored: Summary | undefined, record: CommitmentRecord): boolean {
  if (!stored) return false;
  return record.irmReviews.some((review) => {
    const old = stored.irm[review.report];
    if (!old) return true;
    if (old.method !== review.method || old.publishedOn !== (review.publishedOn ?? null)
      || old.publishedYear !== (review.publishedYear ?? null) || old.irmNumber !== (review.irmNumber ?? null)) return true;
    if (Object.entries(review.texts).some(([locale, text]) =>
      old.texts[locale]?.irmTitle !== (text.irmTitle ?? null) || old.texts[locale]?.narrative !== (text.narrative ?? null))) return true;
    return !sameRatings(old, review);
  });
}

/** Whether a stored review (undefined: none) has the ratings of the record's review, in any order. */
export function sameRatings(stored: StoredReview | undefined, review: CommitmentRecord['irmReviews'][number]): boolean {
  const ratingsKey = (ratings: [string, string, string | null][]) => JSON.stringify(ratings.map((r) => JSON.stringify(r)).sort());
  return stored !== undefined && ratingsKey(stored.ratings) === ratingsKey(review.ratings.map((r) => [r.indicator, r.state, r.value ?? null]));
}

/** Whether a stored text (undefined: none in that language) has every field of the record's text. */
export function sameText(stored: Summary['texts'][string] | undefined, text: CommitmentRecord['texts'][string]): boolean {
  return stored !== undefined && WHOLE_TEXT.every((field) => (stored[field] ?? null) === (text[field] ?? null));
}

/** Whether the stored commitment is linked to the record's policy areas, no more, no fewer. */
export function samePolicyAreas(stored: Summary | undefined, record: CommitmentRecord): boolean {
  // Both sorted here: the database's collation may order keys with hyphens otherwise.
  return stored !== undefined && JSON.stringify([...stored.policyAreas].sort()) === JSON.stringify([...new Set(record.policyAreas)].sort());
}

/**
 * One `changes` row per commitment the batch created or changed, in one statement. A record whose hash differs
 * from the stored one while nothing listed differs (an institution's inferred kind, a member's region, an IRM
 * review (not in the history model; see irmReviewsChanged), a saver version) gets no entry: an entry with no field would tell a reader "imported" and nothing
 * else, and a restore of it would do nothing. Such a save changes nothing an edit form shows either, so the edit
 * forms' version (the last entry, edit-version.ts) rightly stays.
 */
export async function recordImportChanges(trx: Trx, entries: ReadonlyMap<SavedCommitment, Entry>, source: string | null): Promise<void> {
  const changes = [...entries].map(([item, entry]) => ({ id: item.commitmentId!, ...entry }));
  if (changes.length === 0) return;
  await sql`
    insert into changes (command, entity_type, entity_id, commitment_id, before, after, reason)
    select 'import_commitment', 'commitment', u.id, u.id, u.before::jsonb, u.after::jsonb, ${source}
    from ${unnest('u', [
      ['id', 'bigint', changes.map((c) => c.id)],
      ['before', 'text', changes.map((c) => JSON.stringify(c.before))],
      ['after', 'text', changes.map((c) => JSON.stringify(c.after))],
    ])}`.execute(trx);
}

/**
 * The stored texts that are one of the record's texts under another language's label: in a language the record does
 * not bring, with every field (title to full text) equal. The OGP dataset importer once labelled every row English,
 * Spanish plans included; importing the file again must not leave that copy beside the Spanish text. A real
 * translation (a French page's text of a commitment the dataset gave in English) differs, if only in its full text
 * when its title is a name ("Consulta.Lex"), and is kept.
 */
export function staleLocales(stored: Summary | undefined, record: CommitmentRecord): string[] {
  if (!stored) return [];
  const brought = new Set(Object.values(record.texts).map(textKey));
  return Object.entries(stored.texts)
    .filter(([locale, text]) => !Object.hasOwn(record.texts, locale) && brought.has(textKey(text)))
    .map(([locale]) => locale);
}

/** A text's fields in one comparable string. */
function textKey(text: Readonly<Partial<Record<(typeof WHOLE_TEXT)[number], string | null>>>): string {
  return JSON.stringify(WHOLE_TEXT.map((field) => text[field] ?? null));
}

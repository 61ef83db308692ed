import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import { saveMilestoneLists } from '../milestones/save-milestones.ts';
import { slugify } from '../text/slugify.ts';
import { CommitmentRecordSchema, type CommitmentRecord, type CommitmentRecordInput } from './commitment-record.ts';
import {
  importEntries, irmReviewsChanged, recordImportChanges, samePolicyAreas, sameText, staleLocales, storedSummaries, type Summary,
} from './import-history.ts';
import { overwriteWarning, overwrittenEdits } from './overwritten-edits.ts';
import { saveIrmReviews } from './save-irm-reviews.ts';
import { recordHash } from './record-hash.ts';

type Trx = Transaction<Database>;

export type SaveOutcome = 'created' | 'updated' | 'unchanged';
/** `overwrites`: how many of the record's commitment and milestones its save wrote over changes made in Ahadi. */
export type SavedRecord = { ogpId: string; commitmentId: string; outcome: SaveOutcome; warnings: string[]; overwrites: number };

/** Where the records come from: the file or page an import read, kept as the reason of its history entries. */
export type SaveOptions = { source?: string };

/** A validated record with what the batch learns about it on the way. */
type Item = {
  record: CommitmentRecord; hash: string; commitmentId?: string; memberId?: string; existed: boolean;
  /** Stored texts that are the record's text under another language's label, dropped when it is saved. */
  staleLocales?: string[];
  /** What the commitment showed before this save, when it existed: what is the same is not written again. */
  stored?: Summary;
};

/**
 * Stores a batch of commitment records with set-based SQL: a couple of dozen statements for the whole batch
 * (members, plans, commitments, texts, institutions, policy areas, milestones, IRM reviews), whatever its size.
 * Creates or updates by OGP id (member by prefix, plan by number, institutions by name), so importing the same
 * source twice never duplicates; a record whose hash equals the one stored with its commitment is "unchanged" and
 * not written at all. Runs inside the caller's transaction: a failure anywhere leaves nothing written.
 * Batches of a few hundred records suit it; PostgreSQL takes any size, memory is the limit.
 * Each commitment created or changed gets a history entry (`import_commitment`, no actor, the source as reason) that
 * lists the fields it changed, so an import that overwrites an edit shows in the commitment's history (and, before,
 * in a warning on the record: overwritten-edits.ts); a record whose
 * new hash changes nothing the commitment shows is saved without an entry and without bumping `updated_at` (an IRM
 * review or milestone change bumps it: the page shows them; milestones have entries of their own).
 */
export async function saveCommitmentRecords(trx: Trx, inputs: readonly CommitmentRecordInput[], options: SaveOptions = {}): Promise<SavedRecord[]> {
  return saveValidatedCommitmentRecords(trx, inputs.map((input) => CommitmentRecordSchema.parse(input)), options);
}

/**
 * The same, for records already parsed by CommitmentRecordSchema (the import runner checks every row before it
 * saves any, and keeps what the schema gave, so a record is validated once).
 */
export async function saveValidatedCommitmentRecords(trx: Trx, records: readonly CommitmentRecord[], options: SaveOptions = {}): Promise<SavedRecord[]> {
  const items = records.map((record): Item => ({ record, hash: recordHash(record), existed: false }));
  assertUniqueIds(items);
  const stored = await storedCommitments(trx, items.map((i) => i.record.ogpId));
  const results = new Map<Item, SavedRecord>();
  const changed: Item[] = [];
  for (const item of items) {
    const found = stored.get(item.record.ogpId);
    item.existed = found !== undefined;
    if (found) item.commitmentId = found.id;
    if (found && found.hash === item.hash) {
      results.set(item, { ogpId: item.record.ogpId, commitmentId: found.id, outcome: 'unchanged', warnings: [], overwrites: 0 });
    } else {
      changed.push(item);
    }
  }
  const { warnings, overwrites } = await saveChanged(trx, changed, options);
  for (const item of changed) {
    results.set(item, {
      ogpId: item.record.ogpId, commitmentId: item.commitmentId!, outcome: item.existed ? 'updated' : 'created',
      warnings: warnings.get(item) ?? [], overwrites: overwrites.get(item) ?? 0,
    });
  }
  return items.map((item) => results.get(item)!);
}

async function saveChanged(trx: Trx, items: Item[], options: SaveOptions): Promise<{ warnings: Map<Item, string[]>; overwrites: Map<Item, number> }> {
  if (items.length === 0) return { warnings: new Map(), overwrites: new Map() };
  const before = await storedSummaries(trx, items.filter((i) => i.existed).map((i) => i.record.ogpId));
  for (const item of items) {
    item.stored = before.get(item.record.ogpId);
    item.staleLocales = staleLocales(item.stored, item.record);
  }
  const entries = importEntries(items, before);
  const overwritten = await overwrittenEdits(trx, 'commitment',
    [...entries].filter(([item]) => item.existed).map(([item, entry]) => ({ entityId: item.commitmentId!, after: entry.after })));
  // What a reader sees change: a listed field (the entries), or an IRM review, which the history does not list.
  const shown = new Set(items.filter((i) => entries.has(i) || irmReviewsChanged(before.get(i.record.ogpId), i.record)));
  const memberIds = await upsertMembers(trx, items.map((i) => i.record.member));
  for (const item of items) item.memberId = memberIds.get(item.record.member.ogpPrefix)!;
  const planIds = await upsertActionPlans(trx, items);
  await upsertCommitments(trx, items, planIds, shown);
  const warnings = await linkCarriedOver(trx, items);
  // Milestones before texts: a new commitment's search vector (its texts and its milestones' texts) is then computed
  // once, when its texts are inserted, instead of once for the texts and again for the milestones.
  const withMilestones = items.filter((i) => i.record.milestones !== undefined);
  const milestones = await saveMilestoneLists(trx, withMilestones.map((i) => ({ commitmentId: i.commitmentId!, milestones: i.record.milestones! })),
    { history: { source: options.source ?? null } });
  await touchMilestonesOnly(trx, withMilestones.filter((item, i) => !shown.has(item)
    && (milestones[i]!.removed.length > 0 || milestones[i]!.outcomes.some((o) => o !== 'unchanged'))));
  await dropStaleLabels(trx, items);
  await upsertTexts(trx, items);
  await saveInstitutions(trx, items);
  await savePolicyAreas(trx, items);
  await saveIrmReviews(trx, items, warnings);
  await recordImportChanges(trx, entries, options.source ?? null);
  const overwrites = addOverwriteWarnings(warnings, items, overwritten, new Map(withMilestones.map((item, i) => [item, milestones[i]!.overwritten])));
  return { warnings, overwrites };
}

/**
 * Adds to each item's warnings what its save overwrote of changes made in Ahadi, its own and its milestones', and
 * gives how many records that is per item.
 */
function addOverwriteWarnings(warnings: Map<Item, string[]>, items: Item[], commitments: ReadonlyMap<string, string>,
  milestones: ReadonlyMap<Item, readonly { number: number; detail: string }[]>): Map<Item, number> {
  const counts = new Map<Item, number>();
  for (const item of items) {
    const detail = commitments.get(item.commitmentId!);
    const found = [
      ...(detail === undefined ? [] : [overwriteWarning(item.record.ogpId, detail)]),
      ...(milestones.get(item) ?? []).map((m) => overwriteWarning(`${item.record.ogpId} milestone ${m.number}`, m.detail)),
    ];
    if (found.length === 0) continue;
    warnings.set(item, [...(warnings.get(item) ?? []), ...found]);
    counts.set(item, found.length);
  }
  return counts;
}

function assertUniqueIds(items: Item[]): void {
  const seen = new Set<string>();
  for (const { record } of items) {
    if (seen.has(record.ogpId)) throw new Error(`ogpId: ${record.ogpId} appears twice in one batch`);
    seen.add(record.ogpId);
  }
}

async function storedCommitments(trx: Trx, ogpIds: string[]): Promise<Map<string, { id: string; hash: string | null }>> {
  const rows = await trx.selectFrom('commitments').select(['id', 'ogp_id', 'record_hash'])
    .where('ogp_id', '=', sql<string>`any(${ogpIds}::text[])`).execute();
  return new Map(rows.map((r) => [r.ogp_id, { id: r.id, hash: r.record_hash }]));
}

/**
 * Last one wins when a batch names a member (or plan) twice: records of one source should agree on it, and the
 * dataset importer warns about rows that do not (importers/rows-that-disagree.ts).
 */
function lastByKey<T>(values: readonly T[], key: (value: T) => string): T[] {
  return [...new Map(values.map((v) => [key(v), v])).values()];
}

function firstByKey<T>(values: readonly T[], key: (value: T) => string): T[] {
  const first = new Map<string, T>();
  for (const value of values) if (!first.has(key(value))) first.set(key(value), value);
  return [...first.values()];
}

async function upsertMembers(trx: Trx, all: CommitmentRecord['member'][]): Promise<Map<string, string>> {
  const members = lastByKey(all, (m) => m.ogpPrefix);
  // Rows already equal are left alone: an update would fire the triggers that refresh every commitment of the member.
  await sql`
    insert into members (slug, name, kind, ogp_prefix, iso_alpha2, code, region)
    select * from ${unnest('m', [
      ['slug', 'text', members.map((m) => m.slug)],
      ['name', 'text', members.map((m) => m.name)],
      ['kind', 'text', members.map((m) => m.kind)],
      ['ogp_prefix', 'text', members.map((m) => m.ogpPrefix)],
      ['iso_alpha2', 'text', members.map((m) => m.isoAlpha2 ?? null)],
      ['code', 'text', members.map((m) => m.code ?? null)],
      ['region', 'text', members.map((m) => m.region ?? null)],
    ])}
    on conflict (ogp_prefix) do update set
      -- The slug stays: it is the member's address, which links and feeds readers keep (a row naming "Republic of
      -- Bulgaria" moved /members/bulgaria). The name follows the source.
      name = excluded.name, kind = excluded.kind, updated_at = now(),
      -- A page names fewer codes than the dataset: never erase a code that another source gave.
      iso_alpha2 = coalesce(excluded.iso_alpha2, members.iso_alpha2),
      code = coalesce(excluded.code, members.code),
      region = coalesce(excluded.region, members.region)
    where (members.name, members.kind) is distinct from (excluded.name, excluded.kind)
       or (excluded.iso_alpha2 is not null and excluded.iso_alpha2 is distinct from members.iso_alpha2)
       or (excluded.code is not null and excluded.code is distinct from members.code)
       or (excluded.region is not null and excluded.region is distinct from members.region)`.execute(trx);
  const rows = await trx.selectFrom('members').select(['id', 'ogp_prefix'])
    .where('ogp_prefix', '=', sql<string>`any(${members.map((m) => m.ogpPrefix)}::text[])`).execute();
  return new Map(rows.map((r) => [r.ogp_prefix, r.id]));
}

const planKey = (memberId: string, number: number) => `${memberId}:${number}`;

async function upsertActionPlans(trx: Trx, items: Item[]): Promise<Map<string, string>> {
  const plans = lastByKey(items.map((i) => ({ memberId: i.memberId!, ...i.record.actionPlan })), (p) => planKey(p.memberId, p.number));
  await sql`
    insert into action_plans (member_id, number, submission_year, start_year, end_year)
    select * from ${unnest('p', [
      ['member_id', 'bigint', plans.map((p) => p.memberId)],
      ['number', 'integer', plans.map((p) => p.number)],
      ['submission_year', 'integer', plans.map((p) => p.submissionYear)],
      ['start_year', 'integer', plans.map((p) => p.startYear)],
      ['end_year', 'integer', plans.map((p) => p.endYear)],
    ])}
    on conflict (member_id, number) do update set
      submission_year = excluded.submission_year, start_year = excluded.start_year, end_year = excluded.end_year, updated_at = now()
    where (action_plans.submission_year, action_plans.start_year, action_plans.end_year)
      is distinct from (excluded.submission_year, excluded.start_year, excluded.end_year)`.execute(trx);
  const rows = await sql<{ id: string; member_id: string; number: number }>`
    select a.id, a.member_id, a.number from action_plans a
    join ${unnest('k', [['member_id', 'bigint', plans.map((p) => p.memberId)], ['number', 'integer', plans.map((p) => p.number)]])}
      on k.member_id = a.member_id and k.number = a.number`.execute(trx);
  return new Map(rows.rows.map((r) => [planKey(r.member_id, r.number), r.id]));
}

async function upsertCommitments(trx: Trx, items: Item[], planIds: Map<string, string>, shown: ReadonlySet<Item>): Promise<void> {
  const records = items.map((i) => i.record);
  const dates = (which: 'start' | 'end') => records.map((r) => r[which]);
  const marked = items.filter((i) => shown.has(i)).map((i) => i.record.ogpId);
  // A carried-over commitment found later in this same batch is linked by linkCarriedOver, after this insert.
  const saved = await sql<{ id: string; ogp_id: string }>`
    insert into commitments (ogp_id, action_plan_id, number_in_plan, number_label, status, source_locale,
      start_date, start_precision, start_raw, end_date, end_precision, end_raw, record_hash, carried_over_from_id)
    select u.ogp_id, u.action_plan_id, u.number_in_plan, u.number_label, u.status, u.source_locale,
      u.start_date, u.start_precision, u.start_raw, u.end_date, u.end_precision, u.end_raw, u.record_hash,
      (select prev.id from commitments prev where prev.ogp_id = u.carried_over_from)
    from ${unnest('u', [
      ['ogp_id', 'text', records.map((r) => r.ogpId)],
      ['action_plan_id', 'bigint', items.map((i) => planIds.get(planKey(i.memberId!, i.record.actionPlan.number)))],
      ['number_in_plan', 'integer', records.map((r) => r.numberInPlan ?? null)],
      ['number_label', 'text', records.map((r) => r.numberLabel ?? null)],
      ['status', 'text', records.map((r) => r.status ?? null)],
      ['source_locale', 'text', records.map((r) => r.sourceLocale)],
      ['start_date', 'date', dates('start').map((d) => (d && 'date' in d ? d.date : null))],
      ['start_precision', 'text', dates('start').map((d) => (d && 'precision' in d ? d.precision : null))],
      ['start_raw', 'text', dates('start').map((d) => d?.raw ?? null)],
      ['end_date', 'date', dates('end').map((d) => (d && 'date' in d ? d.date : null))],
      ['end_precision', 'text', dates('end').map((d) => (d && 'precision' in d ? d.precision : null))],
      ['end_raw', 'text', dates('end').map((d) => d?.raw ?? null)],
      ['record_hash', 'text', items.map((i) => i.hash)],
      ['carried_over_from', 'text', records.map((r) => r.carriedOverFrom ?? null)],
    ])}
    on conflict (ogp_id) do update set
      action_plan_id = excluded.action_plan_id, number_in_plan = excluded.number_in_plan, number_label = excluded.number_label,
      -- A source that gives no status (OGP's dataset, a sheet without the column) keeps the one set in Ahadi: a
      -- re-import cleared a withdrawal, and the withdrawn commitment's milestones were due in rounds again.
      status = coalesce(excluded.status, commitments.status), source_locale = excluded.source_locale,
      start_date = excluded.start_date, start_precision = excluded.start_precision, start_raw = excluded.start_raw,
      end_date = excluded.end_date, end_precision = excluded.end_precision, end_raw = excluded.end_raw,
      record_hash = excluded.record_hash, carried_over_from_id = excluded.carried_over_from_id,
      -- Only a change a reader sees makes the commitment "changed" (feeds, the list's sort); milestones: touchMilestonesOnly.
      updated_at = case when excluded.ogp_id = any(${marked}::text[]) then now() else commitments.updated_at end
    returning id, ogp_id`.execute(trx);
  const idOf = new Map(saved.rows.map((r) => [r.ogp_id, r.id]));
  for (const item of items) item.commitmentId = idOf.get(item.record.ogpId)!;
}

/**
 * Marks as changed the commitments whose milestones alone changed (which the page shows; their entries are the
 * milestones'): upsertCommitments marked those whose own fields or IRM reviews changed.
 */
async function touchMilestonesOnly(trx: Trx, items: Item[]): Promise<void> {
  const ids = items.map((i) => i.commitmentId!);
  if (ids.length > 0) await sql`update commitments set updated_at = now() where id = any(${ids}::bigint[])`.execute(trx);
}

/**
 * Links commitments carried over from one that came in the same batch. One still missing is warned about and its
 * hash cleared, so that the next import links it once the earlier commitment is there.
 */
async function linkCarriedOver(trx: Trx, items: Item[]): Promise<Map<Item, string[]>> {
  const carried = items.filter((i) => i.record.carriedOverFrom !== undefined);
  const warnings = new Map<Item, string[]>();
  if (carried.length === 0) return warnings;
  const linked = await sql<{ id: string; linked: boolean }>`
    update commitments c set
      carried_over_from_id = prev.id,
      record_hash = case when prev.id is null then null else c.record_hash end
    from ${unnest('u', [
      ['id', 'bigint', carried.map((i) => i.commitmentId)],
      ['carried_over_from', 'text', carried.map((i) => i.record.carriedOverFrom)],
    ])}
    left join commitments prev on prev.ogp_id = u.carried_over_from
    where c.id = u.id and c.carried_over_from_id is null
    returning c.id, prev.id is not null as linked`.execute(trx);
  const missing = new Set(linked.rows.filter((r) => !r.linked).map((r) => r.id));
  for (const item of carried) {
    if (missing.has(item.commitmentId!)) {
      warnings.set(item, [`${item.record.ogpId}: carried over from ${item.record.carriedOverFrom}, which is not in the database yet`]);
    }
  }
  return warnings;
}

/**
 * A text the same as the stored one is not sent: its search vector (the full text parsed, the costliest work of an
 * import) would be computed again for the same words, by the insert trigger even when the row conflicts. A changed
 * milestone refreshes the vector by its own trigger.
 */
async function upsertTexts(trx: Trx, items: Item[]): Promise<void> {
  const texts = items.flatMap((i) => Object.entries(i.record.texts)
    .filter(([locale, t]) => !sameText(i.stored?.texts[locale], t))
    .map(([locale, t]) => ({ commitmentId: i.commitmentId!, locale, ...t })));
  if (texts.length === 0) return;
  await sql`
    insert into commitment_texts (commitment_id, locale, title, description, objectives, status_quo, ambition, full_text)
    select * from ${unnest('t', [
      ['commitment_id', 'bigint', texts.map((t) => t.commitmentId)],
      ['locale', 'text', texts.map((t) => t.locale)],
      ['title', 'text', texts.map((t) => t.title)],
      ['description', 'text', texts.map((t) => t.description ?? null)],
      ['objectives', 'text', texts.map((t) => t.objectives ?? null)],
      ['status_quo', 'text', texts.map((t) => t.statusQuo ?? null)],
      ['ambition', 'text', texts.map((t) => t.ambition ?? null)],
      ['full_text', 'text', texts.map((t) => t.fullText ?? null)],
    ])}
    on conflict (commitment_id, locale) do update set
      title = excluded.title, description = excluded.description, objectives = excluded.objectives,
      status_quo = excluded.status_quo, ambition = excluded.ambition, full_text = excluded.full_text`.execute(trx);
}

/** Deletes the stale labels of the batch's commitments that existed (only those have any), in one statement. */
async function dropStaleLabels(trx: Trx, items: Item[]): Promise<void> {
  const stale = items.flatMap((item) => (item.staleLocales ?? []).map((locale) => ({ commitmentId: item.commitmentId!, locale })));
  if (stale.length === 0) return;
  await sql`
    delete from commitment_texts t
    using ${unnest('s', [['commitment_id', 'bigint', stale.map((s) => s.commitmentId)], ['locale', 'text', stale.map((s) => s.locale)]])}
    where t.commitment_id = s.commitment_id and t.locale = s.locale`.execute(trx);
}

type Link = { commitmentId: string; memberId: string; slug: string; name: string; kind: string; role: 'lead' | 'supporting'; actorGroup: 'government' | 'other' | null; position: number };

function institutionLinks(items: Item[]): Link[] {
  return items.flatMap((item) => {
    const { record } = item;
    const named = [
      ...record.leadInstitutions.map((i) => ({ ...i, role: 'lead' as const, actorGroup: null })),
      ...record.supportingInstitutions.map((i) => ({ ...i, role: 'supporting' as const })),
    ];
    return named.map((link, position) => ({
      commitmentId: item.commitmentId!, memberId: item.memberId!, slug: slugify(link.name), name: link.name, kind: link.kind,
      role: link.role, actorGroup: link.actorGroup, position,
    }));
  });
}

async function saveInstitutions(trx: Trx, items: Item[]): Promise<void> {
  const links = institutionLinks(items);
  // An institution is found by member and slug, whatever case or accents its name came with; the first name stays.
  const institutions = firstByKey(links, (l) => `${l.memberId}:${l.slug}`);
  if (institutions.length > 0) {
    await sql`
      insert into institutions (member_id, slug, name, kind)
      select * from ${unnest('i', [
        ['member_id', 'bigint', institutions.map((i) => i.memberId)],
        ['slug', 'text', institutions.map((i) => i.slug)],
        ['name', 'text', institutions.map((i) => i.name)],
        ['kind', 'text', institutions.map((i) => i.kind)],
      ])}
      on conflict ((coalesce(member_id, 0)), slug) do nothing`.execute(trx);
  }
  const ids = await institutionIds(trx, institutions);
  await deleteLinksOfExisting(trx, 'commitment_institutions', items);
  // The same institution twice in one role (a name listed twice) is one link, at its first position.
  const unique = firstByKey(links, (l) => `${l.commitmentId}:${ids.get(`${l.memberId}:${l.slug}`)}:${l.role}`);
  if (unique.length === 0) return;
  await sql`
    insert into commitment_institutions (commitment_id, institution_id, role, actor_group, position)
    select * from ${unnest('l', [
      ['commitment_id', 'bigint', unique.map((l) => l.commitmentId)],
      ['institution_id', 'bigint', unique.map((l) => ids.get(`${l.memberId}:${l.slug}`))],
      ['role', 'text', unique.map((l) => l.role)],
      ['actor_group', 'text', unique.map((l) => l.actorGroup)],
      ['position', 'integer', unique.map((l) => l.position)],
    ])}`.execute(trx);
}

/** Each named institution's id: a former name, or an institution merged away, leads to the one it was merged into. */
async function institutionIds(trx: Trx, institutions: Link[]): Promise<Map<string, string>> {
  if (institutions.length === 0) return new Map();
  const rows = await sql<{ id: string; member_id: string; slug: string }>`
    select coalesce(i.merged_into_id, i.id) as id, i.member_id, i.slug from institutions i
    join ${unnest('k', [['member_id', 'bigint', institutions.map((i) => i.memberId)], ['slug', 'text', institutions.map((i) => i.slug)]])}
      on coalesce(i.member_id, 0) = k.member_id and i.slug = k.slug`.execute(trx);
  return new Map(rows.rows.map((r) => [`${r.member_id}:${r.slug}`, r.id]));
}

/** A new commitment has no links yet: only those that existed lose theirs before the new ones are inserted. */
async function deleteLinksOfExisting(trx: Trx, table: 'commitment_institutions' | 'commitment_policy_areas', items: Item[]): Promise<void> {
  const existing = items.filter((i) => i.existed).map((i) => i.commitmentId);
  if (existing.length === 0) return;
  await sql`delete from ${sql.table(table)} where commitment_id = any(${existing}::bigint[])`.execute(trx);
}

/** Links are replaced only for commitments whose policy areas changed. */
async function savePolicyAreas(trx: Trx, all: Item[]): Promise<void> {
  const items = all.filter((i) => !samePolicyAreas(i.stored, i.record));
  const links = items.flatMap((i) => [...new Set(i.record.policyAreas)].map((key) => ({ commitmentId: i.commitmentId!, key })));
  const wanted = [...new Set(links.map((l) => l.key))];
  const known = await trx.selectFrom('policy_areas').select('key').where('key', '=', sql<string>`any(${wanted}::text[])`).execute();
  const unknown = wanted.filter((key) => !known.some((row) => row.key === key));
  if (unknown.length > 0) throw new Error(`policyAreas: unknown policy area ${unknown.join(', ')}`);
  await deleteLinksOfExisting(trx, 'commitment_policy_areas', items);
  if (links.length === 0) return;
  await sql`
    insert into commitment_policy_areas (commitment_id, policy_area_key)
    select * from ${unnest('l', [['commitment_id', 'bigint', links.map((l) => l.commitmentId)], ['policy_area_key', 'text', links.map((l) => l.key)]])}`
    .execute(trx);
}

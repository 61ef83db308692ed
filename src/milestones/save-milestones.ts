import { sql, type Transaction } from 'kysely';
import type { CommitmentRecord } from '../commitments/commitment-record.ts';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import { overwrittenEdits } from '../commitments/overwritten-edits.ts';
import { milestoneImportEntry, recordMilestoneImportChanges, type MilestoneChange, type MilestoneState } from './milestone-import-history.ts';

type Trx = Transaction<Database>;
type Milestone = NonNullable<CommitmentRecord['milestones']>[number];

/**
 * The milestones of one commitment, as a source gives them. The commitment keeps exactly these and, when given,
 * the other numbers in `alsoKeep` (the rest of a file saved in another batch); it loses any other milestone.
 */
export type MilestoneList = { commitmentId: string; milestones: readonly Milestone[]; alsoKeep?: readonly number[] };
export type MilestoneOutcome = 'created' | 'updated' | 'unchanged';
/** A milestone a list no longer has, deleted: its number and its texts by language, for the import's report. */
export type RemovedMilestone = { number: number; texts: Record<string, string> };
/**
 * Per list: whether each of its milestones was created, updated or already so, the milestones it removed, and (with
 * `history`) what the import overwrote of changes made in Ahadi since the milestone's last import, by number
 * (overwritten-edits.ts).
 */
export type SavedMilestoneList = { outcomes: MilestoneOutcome[]; removed: RemovedMilestone[]; overwritten: { number: number; detail: string }[] };
/** With `history`, each milestone created, updated or removed gets a history entry with `source` as its reason. */
export type SaveMilestonesOptions = { history?: { source: string | null } };

/**
 * A milestone a list no longer has, which has progress reports (hence evidence) or is in a closed round's
 * published record: an import never deletes it (decision 006, amended 2026-11-28). The message names the
 * commitment and the milestone's number, never an internal id.
 */
export class MilestoneInUseError extends Error {}

type StoredMilestone = MilestoneState & { id: string; commitmentId: string; number: number; fields: string; texts: Map<string, string> };

/**
 * Makes each commitment's milestones exactly the given list (by number): new ones are added, changed ones updated,
 * ones the list no longer has are deleted with their texts — unless one has reports, which refuses the whole save
 * (MilestoneInUseError) before anything is written. Texts in languages the list does not bring are kept, so a
 * French import does not erase the English text. Set-based: a few statements whatever the number of lists.
 */
export async function saveMilestoneLists(trx: Trx, lists: readonly MilestoneList[], options: SaveMilestonesOptions = {}): Promise<SavedMilestoneList[]> {
  if (lists.length === 0) return [];
  for (const list of lists) assertUniqueNumbers(list);
  const commitments = lists.map((l) => l.commitmentId);
  if (new Set(commitments).size !== commitments.length) throw new Error('milestones: one list per commitment');
  const stored = await storedMilestones(trx, lists.map((l) => l.commitmentId));
  const outcomes = lists.map((list) => list.milestones.map((m) => outcomeOf(m, stored.get(keyOf(list.commitmentId, m.number)))));
  const stale = staleMilestones(lists, stored);
  await refuseToDeleteReported(trx, stale);
  await deleteMilestones(trx, stale);
  const changed = lists.flatMap((list, i) => list.milestones
    .filter((_, j) => outcomes[i]![j] !== 'unchanged')
    .map((milestone) => ({ commitmentId: list.commitmentId, milestone })));
  const idOf = await upsertMilestones(trx, changed);
  let overwritten: OverwrittenMilestone[] = [];
  if (options.history) {
    const changes = [
      ...changed.map(({ commitmentId, milestone }) => changeOf(commitmentId, milestone, stored, idOf)),
      ...stale.map((m): MilestoneChange => ({ kind: 'removed', id: m.id, commitmentId: m.commitmentId, number: m.number, before: m })),
    ];
    overwritten = await overwrittenMilestones(trx, changes, stored);
    await recordMilestoneImportChanges(trx, changes, options.history.source);
  }
  return lists.map((list, i) => ({
    outcomes: outcomes[i]!,
    removed: stale.filter((m) => m.commitmentId === list.commitmentId).map((m) => ({ number: m.number, texts: Object.fromEntries(m.texts) })),
    overwritten: overwritten.filter((m) => m.commitmentId === list.commitmentId).map(({ number, detail }) => ({ number, detail })),
  }));
}

type OverwrittenMilestone = { commitmentId: string; number: number; detail: string };

/** The stored milestones whose update or removal overwrites changes made in Ahadi, each with what it overwrites. */
async function overwrittenMilestones(trx: Trx, changes: readonly MilestoneChange[], stored: Map<string, StoredMilestone>): Promise<OverwrittenMilestone[]> {
  const imported = changes.flatMap((change) => {
    const entry = change.kind === 'created' ? undefined : milestoneImportEntry(change);
    return entry ? [{ entityId: change.id, after: entry.after as Record<string, unknown> }] : [];
  });
  const details = await overwrittenEdits(trx, 'milestone', imported);
  return [...stored.values()].filter((m) => details.has(m.id)).map((m) => ({ commitmentId: m.commitmentId, number: m.number, detail: details.get(m.id)! }));
}

function changeOf(commitmentId: string, milestone: Milestone, stored: Map<string, StoredMilestone>, idOf: Map<string, string>): MilestoneChange {
  const key = keyOf(commitmentId, milestone.number);
  const before = stored.get(key);
  // Texts in languages the import does not bring are kept: the state after has them too.
  const after = { ...rowOf(milestone), texts: new Map([...(before?.texts ?? []), ...Object.entries(milestone.texts)]) };
  return before ? { kind: 'updated', id: before.id, commitmentId, before, after } : { kind: 'created', id: idOf.get(key)!, commitmentId, after };
}

function assertUniqueNumbers(list: MilestoneList): void {
  const seen = new Set<number>();
  for (const { number } of list.milestones) {
    if (seen.has(number)) throw new Error(`milestones: number ${number} appears twice for one commitment`);
    seen.add(number);
  }
}

const keyOf = (commitmentId: string, number: number) => `${commitmentId}:${number}`;

/** The columns of a milestone row as one comparable string. */
function fieldsOf(m: {
  declared_status: string | null; start_date: string | null; start_precision: string | null; start_raw: string | null;
  end_date: string | null; end_precision: string | null; end_raw: string | null;
}): string {
  return JSON.stringify([m.declared_status, m.start_date, m.start_precision, m.start_raw, m.end_date, m.end_precision, m.end_raw]);
}

function rowOf(m: Milestone) {
  return {
    declared_status: m.declaredStatus ?? null,
    start_date: m.start?.date ?? null, start_precision: m.start?.precision ?? null, start_raw: m.start?.raw ?? null,
    end_date: m.end?.date ?? null, end_precision: m.end?.precision ?? null, end_raw: m.end?.raw ?? null,
  };
}

async function storedMilestones(trx: Trx, commitmentIds: string[]): Promise<Map<string, StoredMilestone>> {
  const rows = await trx.selectFrom('milestones as m')
    .leftJoin('milestone_texts as t', 't.milestone_id', 'm.id')
    .select(['m.id', 'm.commitment_id', 'm.number', 'm.declared_status', 'm.start_date', 'm.start_precision', 'm.start_raw',
      'm.end_date', 'm.end_precision', 'm.end_raw', 't.locale', 't.text'])
    .where('m.commitment_id', '=', sql<string>`any(${commitmentIds}::bigint[])`)
    .execute();
  const stored = new Map<string, StoredMilestone>();
  for (const row of rows) {
    const key = keyOf(row.commitment_id, row.number);
    let milestone = stored.get(key);
    if (!milestone) {
      milestone = {
        id: row.id, commitmentId: row.commitment_id, number: row.number, fields: fieldsOf(row), texts: new Map(), declared_status: row.declared_status,
        start_date: row.start_date, start_precision: row.start_precision, end_date: row.end_date, end_precision: row.end_precision,
      };
      stored.set(key, milestone);
    }
    if (row.locale !== null && row.text !== null) milestone.texts.set(row.locale, row.text);
  }
  return stored;
}

function outcomeOf(milestone: Milestone, stored: StoredMilestone | undefined): MilestoneOutcome {
  if (!stored) return 'created';
  const sameTexts = Object.entries(milestone.texts).every(([locale, text]) => stored.texts.get(locale) === text);
  return sameTexts && stored.fields === fieldsOf(rowOf(milestone)) ? 'unchanged' : 'updated';
}

/** The stored milestones of the lists' commitments that no list keeps. */
function staleMilestones(lists: readonly MilestoneList[], stored: Map<string, StoredMilestone>): StoredMilestone[] {
  const kept = new Set(lists.flatMap((list) => [...list.milestones.map((m) => m.number), ...(list.alsoKeep ?? [])]
    .map((number) => keyOf(list.commitmentId, number))));
  return [...stored].filter(([key]) => !kept.has(key)).map(([, milestone]) => milestone)
    .sort((a, b) => Number(a.commitmentId) - Number(b.commitmentId) || a.number - b.number);
}

/**
 * Refuses (MilestoneInUseError, before any write) when a milestone to delete has progress reports — its evidence
 * goes through them — or is in the published record of a closed reporting round: that is the record of what was
 * done, and an import must not erase it. One query, and only when there is something to delete.
 */
async function refuseToDeleteReported(trx: Trx, stale: readonly StoredMilestone[]): Promise<void> {
  if (stale.length === 0) return;
  const inUse = await sql<{ ogp_id: string; number: number; reported: boolean }>`
    select c.ogp_id, m.number, exists (select 1 from milestone_reports r where r.milestone_id = m.id) as reported
    from milestones m join commitments c on c.id = m.commitment_id
    where m.id = any(${stale.map((m) => m.id)}::bigint[])
      and (exists (select 1 from milestone_reports r where r.milestone_id = m.id)
        or exists (select 1 from reporting_round_snapshots s where s.milestone_id = m.id))
    order by c.ogp_id, m.number`.execute(trx);
  if (inUse.rows.length === 0) return;
  throw new MilestoneInUseError(inUse.rows.map((m) => `${m.ogp_id} milestone ${m.number} ${m.reported
    ? 'has progress reports' : 'is in the published record of a closed reporting round'}; it is kept`).join('; ')
    + ': an import never deletes a milestone with reports or evidence, so the file must still list it');
}

/**
 * Deletes milestones with their texts and the record of reminders sent about them (bookkeeping that only stops a
 * reminder being sent twice; nothing is left to remind about).
 */
async function deleteMilestones(trx: Trx, stale: readonly StoredMilestone[]): Promise<void> {
  if (stale.length === 0) return;
  const ids = stale.map((m) => m.id);
  await sql`delete from milestone_texts where milestone_id = any(${ids}::bigint[])`.execute(trx);
  await sql`delete from reminders_sent where milestone_id = any(${ids}::bigint[])`.execute(trx);
  await sql`delete from milestones where id = any(${ids}::bigint[])`.execute(trx);
}

/** Inserts or updates the milestones and their texts; the id of each, by `keyOf`. */
async function upsertMilestones(trx: Trx, items: { commitmentId: string; milestone: Milestone }[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows = items.map(({ milestone }) => rowOf(milestone));
  const saved = await sql<{ id: string; commitment_id: string; number: number }>`
    insert into milestones (commitment_id, number, declared_status, start_date, start_precision, start_raw, end_date, end_precision, end_raw)
    select * from ${unnest('m', [
      ['commitment_id', 'bigint', items.map((i) => i.commitmentId)],
      ['number', 'integer', items.map((i) => i.milestone.number)],
      ['declared_status', 'text', rows.map((r) => r.declared_status)],
      ['start_date', 'date', rows.map((r) => r.start_date)],
      ['start_precision', 'text', rows.map((r) => r.start_precision)],
      ['start_raw', 'text', rows.map((r) => r.start_raw)],
      ['end_date', 'date', rows.map((r) => r.end_date)],
      ['end_precision', 'text', rows.map((r) => r.end_precision)],
      ['end_raw', 'text', rows.map((r) => r.end_raw)],
    ])}
    on conflict (commitment_id, number) do update set
      declared_status = excluded.declared_status, start_date = excluded.start_date, start_precision = excluded.start_precision,
      start_raw = excluded.start_raw, end_date = excluded.end_date, end_precision = excluded.end_precision, end_raw = excluded.end_raw
    returning id, commitment_id, number`.execute(trx);
  const idOf = new Map(saved.rows.map((r) => [keyOf(r.commitment_id, r.number), r.id]));
  const texts = items.flatMap(({ commitmentId, milestone }) => Object.entries(milestone.texts)
    .map(([locale, text]) => ({ milestoneId: idOf.get(keyOf(commitmentId, milestone.number))!, locale, text })));
  if (texts.length > 0) await insertTexts(trx, texts);
  return idOf;
}

async function insertTexts(trx: Trx, texts: { milestoneId: string; locale: string; text: string }[]): Promise<void> {
  await sql`
    insert into milestone_texts (milestone_id, locale, text)
    select * from ${unnest('t', [
      ['milestone_id', 'bigint', texts.map((t) => t.milestoneId)],
      ['locale', 'text', texts.map((t) => t.locale)],
      ['text', 'text', texts.map((t) => t.text)],
    ])}
    on conflict (milestone_id, locale) do update set text = excluded.text`.execute(trx);
}

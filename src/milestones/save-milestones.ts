import { sql, type Transaction } from 'kysely';
import type { CommitmentRecord } from '../commitments/commitment-record.ts';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';

type Trx = Transaction<Database>;
type Milestone = NonNullable<CommitmentRecord['milestones']>[number];

/**
 * The milestones of one commitment, as a source gives them. The commitment keeps exactly these and, when given,
 * the other numbers in `alsoKeep` (the rest of a file saved in another batch); it loses any other milestone.
 */
export type MilestoneList = { commitmentId: string; milestones: readonly Milestone[]; alsoKeep?: readonly number[] };
export type MilestoneOutcome = 'created' | 'updated' | 'unchanged';

type StoredMilestone = { id: string; fields: string; texts: Map<string, string> };

/**
 * Makes each commitment's milestones exactly the given list (by number): new ones are added, changed ones updated,
 * ones the list no longer has are deleted with their texts. Texts in languages the list does not bring are kept,
 * so a French import does not erase the English text. Set-based: a few statements whatever the number of lists.
 * Returns, per list and per milestone, whether it was created, updated or already so.
 */
export async function saveMilestoneLists(trx: Trx, lists: readonly MilestoneList[]): Promise<MilestoneOutcome[][]> {
  if (lists.length === 0) return [];
  for (const list of lists) assertUniqueNumbers(list);
  const commitments = lists.map((l) => l.commitmentId);
  if (new Set(commitments).size !== commitments.length) throw new Error('milestones: one list per commitment');
  const stored = await storedMilestones(trx, lists.map((l) => l.commitmentId));
  const outcomes = lists.map((list) => list.milestones.map((m) => outcomeOf(m, stored.get(keyOf(list.commitmentId, m.number)))));
  await deleteStale(trx, lists, stored);
  const changed = lists.flatMap((list, i) => list.milestones
    .filter((_, j) => outcomes[i]![j] !== 'unchanged')
    .map((milestone) => ({ commitmentId: list.commitmentId, milestone })));
  await upsertMilestones(trx, changed);
  return outcomes;
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
      milestone = { id: row.id, fields: fieldsOf(row), texts: new Map() };
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

async function deleteStale(trx: Trx, lists: readonly MilestoneList[], stored: Map<string, StoredMilestone>): Promise<void> {
  const kept = new Set(lists.flatMap((list) => [...list.milestones.map((m) => m.number), ...(list.alsoKeep ?? [])]
    .map((number) => keyOf(list.commitmentId, number))));
  const stale = [...stored].filter(([key]) => !kept.has(key)).map(([, m]) => m.id);
  if (stale.length === 0) return;
  await sql`delete from milestone_texts where milestone_id = any(${stale}::bigint[])`.execute(trx);
  await sql`delete from milestones where id = any(${stale}::bigint[])`.execute(trx);
}

async function upsertMilestones(trx: Trx, items: { commitmentId: string; milestone: Milestone }[]): Promise<void> {
  if (items.length === 0) return;
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
  if (texts.length === 0) return;
  await sql`
    insert into milestone_texts (milestone_id, locale, text)
    select * from ${unnest('t', [
      ['milestone_id', 'bigint', texts.map((t) => t.milestoneId)],
      ['locale', 'text', texts.map((t) => t.locale)],
      ['text', 'text', texts.map((t) => t.text)],
    ])}
    on conflict (milestone_id, locale) do update set text = excluded.text`.execute(trx);
}

import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../commitments/commands/change-log.ts';

/** A date as a milestone stores it: the first day of its period and the period's precision. */
export type StoredDate = { date: string; precision: string } | null;

/** The editable part of a milestone as history stores it; a change keeps the fields it touched only. */
export type MilestoneVersion = {
  declaredStatus?: string | null; start?: StoredDate; end?: StoredDate; plannedEnd?: StoredDate; texts?: Record<string, string | null>;
};

export type MilestoneRow = {
  id: string; number: number; declared_status: string | null;
  start_date: string | null; start_precision: string | null; end_date: string | null; end_precision: string | null;
  planned_end_date: string | null; planned_end_precision: string | null;
};

export async function findMilestoneForUpdate(trx: Trx, commitmentId: string, number: number): Promise<MilestoneRow | undefined> {
  return trx.selectFrom('milestones')
    .select(['id', 'number', 'declared_status', 'start_date', 'start_precision', 'end_date', 'end_precision', 'planned_end_date', 'planned_end_precision'])
    .where('commitment_id', '=', commitmentId).where('number', '=', number).forUpdate().executeTakeFirst();
}

/** A milestone's text in every language it has, by language. */
export async function readMilestoneTexts(db: Db | Trx, commitmentId: string, number: number): Promise<Record<string, string>> {
  const rows = await db.selectFrom('milestone_texts as t').innerJoin('milestones as m', 'm.id', 't.milestone_id')
    .select(['t.locale', 't.text']).where('m.commitment_id', '=', commitmentId).where('m.number', '=', number).execute();
  return Object.fromEntries(rows.map((row) => [row.locale, row.text]));
}

export const storedDate = (date: string | null, precision: string | null): StoredDate =>
  date && precision ? { date, precision } : null;

/** "2022-05" for a stored date (any precision: the month it starts in), as the form shows it. */
export const monthOf = (value: StoredDate): string => value ? value.date.slice(0, 7) : '';

import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import { storedDate, type MilestoneVersion } from './commands/milestone-version.ts';

/**
 * The history an import of milestones leaves (decision 012, decision 006 amended 2026-11-28): one change per
 * milestone created or updated (`import_milestone`) or removed (`remove_milestone_by_import`, migration 021), with
 * no actor and the source (the file name) as reason, its
 * fields named as the milestone commands name them (`declaredStatus`, `start`, `end`, `texts`). A removal keeps the
 * milestone's number in `before`, since the milestone row it named is gone.
 */

type Trx = Transaction<Database>;

/** A milestone's history fields as stored, or as the import gives them. */
export type MilestoneState = {
  declared_status: string | null; start_date: string | null; start_precision: string | null;
  end_date: string | null; end_precision: string | null; texts: ReadonlyMap<string, string>;
};

export type MilestoneChange =
  | { kind: 'created'; id: string; commitmentId: string; after: MilestoneState }
  | { kind: 'updated'; id: string; commitmentId: string; before: MilestoneState; after: MilestoneState }
  | { kind: 'removed'; id: string; commitmentId: string; number: number; before: MilestoneState };

const DATE_FIELDS = ['start', 'end'] as const;

const datesOf = (m: MilestoneState) => ({
  start: storedDate(m.start_date, m.start_precision), end: storedDate(m.end_date, m.end_precision),
});

/** Everything a milestone holds, as a version: what a creation adds and a removal takes away. */
function wholeVersion(m: MilestoneState): MilestoneVersion {
  const version: MilestoneVersion = { ...datesOf(m), texts: Object.fromEntries(m.texts) };
  if (m.declared_status !== null) version.declaredStatus = m.declared_status;
  return version;
}

/** Only the fields that differ; texts in the languages the import brought (it keeps the others). */
function touched(before: MilestoneState, after: MilestoneState): { before: MilestoneVersion; after: MilestoneVersion } {
  const b: MilestoneVersion = {};
  const a: MilestoneVersion = {};
  if (before.declared_status !== after.declared_status) [b.declaredStatus, a.declaredStatus] = [before.declared_status, after.declared_status];
  const [oldDates, newDates] = [datesOf(before), datesOf(after)];
  for (const field of DATE_FIELDS) {
    if (JSON.stringify(oldDates[field]) !== JSON.stringify(newDates[field])) [b[field], a[field]] = [oldDates[field], newDates[field]];
  }
  const locales = [...after.texts.keys()].filter((locale) => before.texts.get(locale) !== after.texts.get(locale));
  if (locales.length > 0) {
    b.texts = Object.fromEntries(locales.map((locale) => [locale, before.texts.get(locale) ?? null]));
    a.texts = Object.fromEntries(locales.map((locale) => [locale, after.texts.get(locale)!]));
  }
  return { before: b, after: a };
}

/** The removed fields go to nothing, so that the history's diff shows what the milestone said. */
function removal(number: number, before: MilestoneState): { before: MilestoneVersion & { number: number }; after: MilestoneVersion } {
  const version = wholeVersion(before);
  const after: MilestoneVersion = { start: null, end: null, texts: Object.fromEntries([...before.texts.keys()].map((locale) => [locale, null])) };
  if (version.declaredStatus !== undefined) after.declaredStatus = null;
  return { before: { number, ...version }, after };
}

/** The entry a change gets in the history; none when no field of the history differs. */
export function milestoneImportEntry(change: MilestoneChange): { before: object; after: object } | undefined {
  if (change.kind === 'created') return { before: {}, after: wholeVersion(change.after) };
  if (change.kind === 'removed') return removal(change.number, change.before);
  const diff = touched(change.before, change.after);
  // A change of the raw date text only (same date) is not a field of the history.
  return Object.keys(diff.after).length > 0 ? diff : undefined;
}

/** Writes the batch's milestone changes in one statement. */
export async function recordMilestoneImportChanges(trx: Trx, changes: readonly MilestoneChange[], source: string | null): Promise<void> {
  const rows = changes.flatMap((change) => {
    const entry = milestoneImportEntry(change);
    const command = change.kind === 'removed' ? 'remove_milestone_by_import' : 'import_milestone';
    return entry ? [{ id: change.id, commitmentId: change.commitmentId, command, ...entry }] : [];
  });
  if (rows.length === 0) return;
  await sql`
    insert into changes (command, entity_type, entity_id, commitment_id, before, after, reason)
    select u.command, 'milestone', u.id, u.commitment_id, u.before::jsonb, u.after::jsonb, ${source}
    from ${unnest('u', [
      ['command', 'text', rows.map((r) => r.command)],
      ['id', 'bigint', rows.map((r) => r.id)],
      ['commitment_id', 'bigint', rows.map((r) => r.commitmentId)],
      ['before', 'text', rows.map((r) => JSON.stringify(r.before))],
      ['after', 'text', rows.map((r) => JSON.stringify(r.after))],
    ])}`.execute(trx);
}

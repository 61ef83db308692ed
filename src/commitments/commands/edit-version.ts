import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { FormValues } from '../../http/form.ts';
import type { CommandResult, Trx } from './change-log.ts';

/**
 * Optimistic concurrency for the edit forms (commands of decision 012): each form carries, in a hidden `version` field,
 * the version of the record it was opened on, and a save whose version is no longer the record's writes nothing and
 * shows the form again, what was typed kept, with `edit.error.conflict*` and a link to the history.
 *
 * A version is the id of the last history entry of the record ("0" before any): every write of an edited field
 * records one (edit, withdrawal, restore, creation, and an import's `import_commitment`) under the commitment's row
 * lock, which the commands take before reading the version, so no write slips between the check and the save. Ids
 * rather than `updated_at`: two changes in the same millisecond still differ, and an edit of a milestone (or a
 * reporting round's entry) does not make the commitment's own form stale.
 *
 * The version is the whole record's, all languages together: a French translation saved while someone changed the
 * English text (or the status) is a conflict too, since the translation was written from the text as it was then.
 * A form reads the version before the values it shows: a change in between makes it stale, never lost.
 */
export const VERSION_FIELD = z.string().optional();

/** The last history entry of the commitment itself: its texts in every language and its status. */
export async function commitmentVersion(db: Db | Trx, commitmentId: string): Promise<string> {
  const row = await db.selectFrom('changes').select(sql<string>`coalesce(max(id), 0)::text`.as('version'))
    .where('entity_type', '=', 'commitment').where('entity_id', '=', commitmentId).executeTakeFirstOrThrow();
  return row.version;
}

/** The last history entry of the milestone, or of an import of its commitment (which rewrites its milestones). */
export async function milestoneVersion(db: Db | Trx, commitmentId: string, number: number): Promise<string> {
  const milestone = db.selectFrom('milestones').select('id').where('commitment_id', '=', commitmentId).where('number', '=', number);
  const row = await db.selectFrom('changes').select(sql<string>`coalesce(max(id), 0)::text`.as('version'))
    .where('commitment_id', '=', commitmentId)
    .where((eb) => eb.or([
      eb.and([eb('entity_type', '=', 'milestone'), eb('entity_id', 'in', milestone)]),
      eb('command', '=', 'import_commitment'),
    ]))
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * The refusal of a save opened on an older version (or sent without one): nothing written, the typed values kept,
 * and the form now carrying the current version, so that saving again, after reading the history, replaces it.
 */
export const staleVersion = (what: 'commitment' | 'milestone', values: FormValues, current: string): CommandResult => ({
  ok: false,
  errors: { version: what === 'commitment' ? 'edit.error.conflictCommitment' : 'edit.error.conflictMilestone' },
  values: { ...values, version: current },
});

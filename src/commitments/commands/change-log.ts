import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import type { FieldErrors, FormValues } from '../../http/form.ts';
import { notFound } from '../../http/errors.ts';

/**
 * What every editing command shares (decision 012): its result, the commitment it works on (with the institutions
 * the policies look at, locked for the transaction), and the `changes` row it writes before committing.
 */
export type Trx = Transaction<Database>;

/** A command either wrote a change (or found nothing to change) or refused the input, naming each field. */
export type CommandResult = { ok: true; changeIds: string[] } | { ok: false; errors: FieldErrors; values: FormValues };

export type CommandName = Database['changes']['command'];

export type CommitmentTarget = {
  id: string; ogpId: string; status: string | null; sourceLocale: string; institutionIds: string[];
};

/** The commitment by OGP id with its lead and supporting institutions; `forUpdate` locks it for a command. */
export async function findCommitmentTarget(db: Db | Trx, ogpId: string, forUpdate = false): Promise<CommitmentTarget | undefined> {
  let query = db.selectFrom('commitments').select(['id', 'ogp_id', 'status', 'source_locale']).where('ogp_id', '=', ogpId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const institutions = await db.selectFrom('commitment_institutions').select('institution_id')
    .where('commitment_id', '=', row.id).execute();
  return {
    id: row.id, ogpId: row.ogp_id, status: row.status, sourceLocale: row.source_locale,
    institutionIds: [...new Set(institutions.map((i) => i.institution_id))],
  };
}

export async function requireCommitmentTarget(db: Db | Trx, ogpId: string, forUpdate = false): Promise<CommitmentTarget> {
  const target = await findCommitmentTarget(db, ogpId, forUpdate);
  if (!target) throw notFound('commitment');
  return target;
}

export type Snapshot = Record<string, unknown>;

/**
 * Writes one history entry; called by each command inside its transaction, after its own writes. A change belongs
 * to a commitment's history, an action plan's (reporting rounds, the plan itself), or both, or to an institution's.
 */
export async function recordChange(trx: Trx, change: {
  actor: CurrentUser; command: CommandName; entityType: Database['changes']['entity_type']; entityId: string;
  before: Snapshot; after: Snapshot; reason: string | null;
} & ({ commitmentId: string; actionPlanId?: string | null } | { commitmentId?: null; actionPlanId: string }
  // An institution's own entry (its rename, a merge into it), or a publication's, belongs to no commitment or plan.
  | { entityType: 'institution' | 'publication'; commitmentId?: null; actionPlanId?: null })): Promise<string> {
  const row = await trx.insertInto('changes').values({
    actor_id: change.actor.id, actor_institution_id: change.actor.institutionId, command: change.command,
    entity_type: change.entityType, entity_id: change.entityId,
    commitment_id: change.commitmentId ?? null, action_plan_id: change.actionPlanId ?? null,
    before: JSON.stringify(change.before), after: JSON.stringify(change.after), reason: change.reason,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the commitment as changed (feeds and the list sort on it). */
export async function touchCommitment(trx: Trx, commitmentId: string): Promise<void> {
  await trx.updateTable('commitments').set({ updated_at: new Date() }).where('id', '=', commitmentId).execute();
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type AccountEventKind = 'account_created' | 'invited' | 'invitation_revoked' | 'invitation_accepted' | 'password_reset_requested'
  | 'password_reset' | 'second_factor_enabled' | 'second_factor_disabled' | 'signed_out_everywhere'
  | 'point_of_contact_handed_over' | 'role_granted' | 'role_removed'
  // Migration 010.
  | 'recovery_codes_generated' | 'recovery_code_used' | 'second_factor_reset' | 'password_changed';

/** One entry of the accounts' institutional memory: who (actor; null is the system), what, for whom, when (now). */
export async function recordAccountEvent(db: Kysely<Database> | Transaction<Database>, event: {
  kind: AccountEventKind; actorId: string | null; accountId?: string | null; institutionId?: string | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  await db.insertInto('account_events').values({
    kind: event.kind, actor_id: event.actorId, account_id: event.accountId ?? null,
    institution_id: event.institutionId ?? null, details: JSON.stringify(event.details ?? {}),
  }).execute();
}

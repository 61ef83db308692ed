import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { hashToken } from './tokens.ts';
import type { Role } from './roles.ts';
import { IDLE_LIMIT } from './session.ts';
import { offeredInstitution } from '../institutions/offered-institutions.ts';

/** Reads of the accounts domain. Writes are commands in their own files (invitations.ts, hand-over.ts, ...). */

export function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('accounts')
    .select(['id', 'email', 'name', 'password_hash', 'role', 'institution_id', 'locale', 'totp_enabled_at'])
    .where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export type InvitationSummary = {
  id: string; email: string; name: string; role: Role; institutionName: string | null; invitedBy: string | null;
  createdAt: Date; expiresAt: Date; status: InvitationStatus;
};

export async function listInvitations(db: Db, limit = 100): Promise<InvitationSummary[]> {
  const rows = await db.selectFrom('invitations')
    .leftJoin('institutions', 'institutions.id', 'invitations.institution_id')
    .leftJoin('accounts as inviter', 'inviter.id', 'invitations.invited_by')
    .select(['invitations.id', 'invitations.email', 'invitations.name', 'invitations.role', 'institutions.name as institution_name',
      'inviter.name as invited_by', 'invitations.created_at', 'invitations.expires_at', 'invitations.accepted_at',
      'invitations.revoked_at', sql<boolean>`invitations.expires_at < now()`.as('expired')])
    .orderBy('invitations.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, email: r.email, name: r.name, role: r.role, institutionName: r.institution_name, invitedBy: r.invited_by,
    createdAt: r.created_at, expiresAt: new Date(r.expires_at),
    status: r.accepted_at ? 'accepted' : r.revoked_at ? 'revoked' : r.expired ? 'expired' : 'pending',
  }));
}

/** An invitation that can still be accepted, found by the token of its link. */
export function findOpenInvitation(db: Db, token: string) {
  return db.selectFrom('invitations')
    .leftJoin('institutions', 'institutions.id', 'invitations.institution_id')
    .select(['invitations.id', 'invitations.email', 'invitations.name', 'invitations.role', 'invitations.institution_id',
      'institutions.name as institution_name', 'invitations.locale', 'invitations.expires_at'])
    .where('invitations.token_hash', '=', hashToken(token))
    .where('invitations.accepted_at', 'is', null).where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export type PersonWithRole = {
  id: string; email: string; name: string; role: Role; institutionName: string | null;
  institutionSlug: string | null; memberSlug: string | null; totpEnabled: boolean;
};

/** Everyone who holds a role, for the administrators' list. */
export async function listPeopleWithRoles(db: Db): Promise<PersonWithRole[]> {
  const rows = await db.selectFrom('accounts')
    .leftJoin('institutions', 'institutions.id', 'accounts.institution_id')
    .leftJoin('members', 'members.id', 'institutions.member_id')
    .select(['accounts.id', 'accounts.email', 'accounts.name', 'accounts.role', 'institutions.name as institution_name',
      'institutions.slug as institution_slug', 'members.slug as member_slug', 'accounts.totp_enabled_at'])
    .where('accounts.role', 'is not', null)
    .orderBy('accounts.role').orderBy('accounts.name').execute();
  return rows.map((r) => ({
    id: r.id, email: r.email, name: r.name, role: r.role!, institutionName: r.institution_name,
    institutionSlug: r.institution_slug, memberSlug: r.member_slug, totpEnabled: r.totp_enabled_at !== null,
  }));
}

export type AccountSummary = {
  id: string; email: string; name: string; role: Role | null; institutionName: string | null; totpEnabled: boolean;
  lastSignInAt: Date | null;
};

const accountSummaries = (db: Db) => db.selectFrom('accounts')
  .leftJoin('institutions', 'institutions.id', 'accounts.institution_id')
  .select(['accounts.id', 'accounts.email', 'accounts.name', 'accounts.role', 'institutions.name as institution_name',
    'accounts.totp_enabled_at', 'accounts.last_sign_in_at']);

const toAccountSummary = (r: Awaited<ReturnType<ReturnType<typeof accountSummaries>['executeTakeFirstOrThrow']>>): AccountSummary => ({
  id: r.id, email: r.email, name: r.name, role: r.role, institutionName: r.institution_name,
  totpEnabled: r.totp_enabled_at !== null, lastSignInAt: r.last_sign_in_at,
});

/** Every account, those with a role first, for the administrators' list (`/{locale}/admin/accounts`). */
export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  const rows = await accountSummaries(db)
    .orderBy(sql`accounts.role is null`).orderBy('accounts.role').orderBy('accounts.name').orderBy('accounts.id').execute();
  return rows.map(toAccountSummary);
}

export async function findAccountSummary(db: Db, id: string): Promise<AccountSummary | undefined> {
  const row = await accountSummaries(db).where('accounts.id', '=', id).executeTakeFirst();
  return row && toAccountSummary(row);
}

export type InstitutionChoice = { id: string; name: string; kind: string; memberName: string | null };

/**
 * Institutions an invitation may name, grouped by member in the form: those the workspace offers (`offeredInstitution`:
 * with a commitment, or `current`, the one the form holds).
 */
export function listInstitutionChoices(db: Db, current: string | undefined): Promise<InstitutionChoice[]> {
  return db.selectFrom('institutions as i').leftJoin('members', 'members.id', 'i.member_id')
    .select(['i.id', 'i.name', 'i.kind', 'members.name as memberName'])
    .where(offeredInstitution(current ? [current] : []))
    .orderBy('members.name').orderBy('i.name').execute();
}

/** An institution by its slug; `memberSlug` picks one when members share an institution slug. */
export async function findInstitution(db: Db, slug: string, memberSlug?: string) {
  let query = db.selectFrom('institutions').leftJoin('members', 'members.id', 'institutions.member_id')
    .select(['institutions.id', 'institutions.slug', 'institutions.name', 'institutions.kind',
      'members.slug as memberSlug', 'members.name as memberName'])
    // A former name, or an institution merged away, has no point of contact of its own: its people moved.
    .where('institutions.slug', '=', slug).where('institutions.merged_into_id', 'is', null);
  if (memberSlug) query = query.where('members.slug', '=', memberSlug);
  const rows = await query.limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export function findInstitutionById(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export function pointsOfContact(db: Db, institutionId: string) {
  return db.selectFrom('accounts').select(['id', 'name', 'email'])
    .where('role', '=', 'point_of_contact').where('institution_id', '=', institutionId).orderBy('name').execute();
}

export function pendingPointOfContactInvitations(db: Db, institutionId: string) {
  return db.selectFrom('invitations').select(['id', 'name', 'email', 'expires_at'])
    .where('role', '=', 'point_of_contact').where('institution_id', '=', institutionId)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
    .orderBy('id').execute();
}

export type AccountEventView = {
  occurredAt: Date; kind: string; actorName: string | null; accountName: string | null; details: Record<string, unknown>;
};

/** The recorded changes of an institution's people, newest first: its institutional memory. */
export async function institutionEvents(db: Db, institutionId: string, limit = 50): Promise<AccountEventView[]> {
  const rows = await db.selectFrom('account_events')
    .leftJoin('accounts as actor', 'actor.id', 'account_events.actor_id')
    .leftJoin('accounts as subject', 'subject.id', 'account_events.account_id')
    .select(['account_events.occurred_at', 'account_events.kind', 'actor.name as actor_name', 'subject.name as account_name',
      'account_events.details'])
    // With those of the institutions merged into it: its points of contact came from them, with their memory.
    .where((eb) => eb.or([eb('account_events.institution_id', '=', institutionId),
      eb('account_events.institution_id', 'in', db.selectFrom('institutions').select('id').where('merged_into_id', '=', institutionId))]))
    .orderBy('account_events.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ occurredAt: r.occurred_at, kind: r.kind, actorName: r.actor_name, accountName: r.account_name, details: r.details }));
}

export async function countSessions(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', accountId).where('second_factor_pending', '=', false)
    .where('expires_at', '>', sql<Date>`now()`).where('last_seen_at', '>', sql<Date>`now() - ${IDLE_LIMIT}::interval`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

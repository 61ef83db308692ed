import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';
import { intlFor } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { FieldErrors } from '../http/form.ts';
import { recordAccountEvent } from './account-events.ts';
import { invitationMail } from './account-mail.ts';
import { hashPassword } from './password.ts';
import { institutionError, type Role } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * Invitations: an administrator (or `npm run ahadi -- create-admin`) invites a person with a role, and an
 * institution when the role has one; the person sets their password from the link, which works once, for 7 days.
 * Inviting the same address again replaces the open invitation.
 */
export const INVITATION_LIFETIME_DAYS = 7;

export type InvitationInput = {
  email: string; name: string; role: Role; institutionId: string | null; locale: Locale;
  /** null: the command line. */
  invitedBy: string | null;
};

export type Invited = { ok: true; token: string; link: string } | { ok: false; errors: FieldErrors };

export const invitationLink = (baseUrl: string, locale: string, token: string) => `${baseUrl}/${locale}/invitations/${token}`;

/** Checks the invitation against the accounts and institutions, stores it and sends its e-mail (unless `mailer` is null). */
export async function createInvitation(db: Db, mailer: Mailer | null, baseUrl: string, input: InvitationInput): Promise<Invited> {
  const email = input.email.toLowerCase();
  const errors: FieldErrors = {};
  const mismatch = institutionError(input.role, input.institutionId !== null);
  if (mismatch) errors.institution = mismatch;
  const institution = input.institutionId
    // A former name, or an institution merged into another, has nobody to speak for it any more.
    ? await db.selectFrom('institutions').select(['id', 'name']).where('id', '=', input.institutionId).where('merged_into_id', 'is', null).executeTakeFirst()
    : undefined;
  if (input.institutionId && !institution) errors.institution = 'form.error.invalid';
  if (await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst()) errors.email = 'admin.error.accountExists';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const stored = await db.transaction().execute((trx) => storeInvitation(trx, mailer, baseUrl, { ...input, email }, institution?.name ?? null));
  if (mailer) await mailer.deliverQueued(db);
  return { ok: true, ...stored };
}

/**
 * Stores a checked invitation inside the caller's transaction (replacing any open one for the address), records
 * it and queues its e-mail; the caller delivers the mail after the commit.
 */
export async function storeInvitation(trx: Transaction<Database>, mailer: Mailer | null, baseUrl: string,
  input: InvitationInput, institutionName: string | null): Promise<{ token: string; link: string }> {
  const email = input.email.toLowerCase();
  const { token, hash } = newToken();
  const link = invitationLink(baseUrl, input.locale, token);
  await trx.updateTable('invitations').set({ revoked_at: sql<Date>`now()` })
    .where('email', '=', email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
  const row = await trx.insertInto('invitations').values({
    email, name: input.name, role: input.role, institution_id: input.institutionId, locale: input.locale,
    token_hash: hash, invited_by: input.invitedBy,
    expires_at: sql<Date>`now() + ${`${INVITATION_LIFETIME_DAYS} days`}::interval`,
  }).returning(['id', 'expires_at']).executeTakeFirstOrThrow();
  await recordAccountEvent(trx, {
    kind: 'invited', actorId: input.invitedBy, institutionId: input.institutionId,
    details: { invitationId: row.id, email, name: input.name, role: input.role },
  });
  if (mailer) {
    await mailer.queue(trx, invitationMail(intlFor(input.locale), {
      to: email, name: input.name, role: input.role, institution: institutionName, link, expiresAt: new Date(row.expires_at),
    }));
  }
  return { token, link };
}

export type Accepted = { ok: true; accountId: string; email: string } | { ok: false; reason: 'invalid' | 'account_exists' };

/** Creates the account from an open invitation; the invitation is used up in the same transaction. */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }): Promise<Accepted> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx): Promise<Accepted> => {
    const invitation = await trx.selectFrom('invitations')
      .select(['id', 'email', 'role', 'institution_id', 'locale', 'invited_by'])
      .where('token_hash', '=', hashToken(token)).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`).forUpdate().executeTakeFirst();
    if (!invitation) return { ok: false, reason: 'invalid' };
    if (await trx.selectFrom('accounts').select('id').where('email', '=', invitation.email).executeTakeFirst()) {
      return { ok: false, reason: 'account_exists' };
    }
    const account = await trx.insertInto('accounts').values({
      email: invitation.email, name: input.name, password_hash: passwordHash, role: invitation.role,
      institution_id: invitation.institution_id, locale: invitation.locale,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('invitations').set({ accepted_at: sql<Date>`now()`, account_id: account.id })
      .where('id', '=', invitation.id).execute();
    await recordAccountEvent(trx, {
      kind: 'invitation_accepted', actorId: account.id, accountId: account.id, institutionId: invitation.institution_id,
      details: { invitationId: invitation.id, role: invitation.role, invitedBy: invitation.invited_by },
    });
    return { ok: true, accountId: account.id, email: invitation.email };
  });
}

export type Revoked = 'revoked' | 'already_accepted' | 'already_revoked' | 'not_found';

/** Withdraws an open invitation (an expired one too): its link stops working. Otherwise says why nothing changed. */
export async function revokeInvitation(db: Db, actorId: string, invitationId: string): Promise<Revoked> {
  return db.transaction().execute(async (trx): Promise<Revoked> => {
    const invitation = await trx.selectFrom('invitations').select(['id', 'email', 'role', 'institution_id', 'accepted_at', 'revoked_at'])
      .where('id', '=', invitationId).forUpdate().executeTakeFirst();
    if (!invitation) return 'not_found';
    if (invitation.accepted_at) return 'already_accepted';
    if (invitation.revoked_at) return 'already_revoked';
    await trx.updateTable('invitations').set({ revoked_at: sql<Date>`now()` }).where('id', '=', invitation.id).execute();
    await recordAccountEvent(trx, {
      kind: 'invitation_revoked', actorId, institutionId: invitation.institution_id,
      details: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
    });
    return 'revoked';
  });
}

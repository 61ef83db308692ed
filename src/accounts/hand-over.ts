import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { intlFor } from '../i18n/intl.ts';
import { type Locale, storedLocale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { FieldErrors } from '../http/form.ts';
import { recordAccountEvent } from './account-events.ts';
import { pointOfContactGrantedMail, pointOfContactRemovedMail } from './account-mail.ts';
import type { Role } from './roles.ts';
import { storeInvitation } from './invitations.ts';
import { endAllSessions } from './session.ts';

/**
 * Point-of-contact hand-over. Access of a point of contact is by institution, so the new one sees everything the
 * institution has; the old ones lose their role and their sessions at once (their account stays, role-less, and
 * their past actions keep their name); open point-of-contact invitations of the institution are withdrawn; and the
 * hand-over itself is recorded. The new point of contact is a new person (invited by e-mail, with the name given)
 * or an existing account without a role (given the role at once). An account with a role, or the point of contact
 * of another institution, is refused: the hand-over would silently take that role away. Everyone concerned is
 * told by e-mail, each in their own language: the old points of contact, and the new one (or their invitation).
 */
export type HandOverInput = {
  actorId: string; institution: { id: string; name: string }; email: string; name: string | null; locale: Locale; reason: string | null;
};

export type HandedOver = { ok: true; invited: boolean } | { ok: false; errors: FieldErrors };

export async function handOverPointOfContact(db: Db, mailer: Mailer, baseUrl: string, input: HandOverInput): Promise<HandedOver> {
  const email = input.email.toLowerCase();
  const handedOver = await db.transaction().execute(async (trx): Promise<HandedOver> => {
    // Locked, so that the account checked is the account changed.
    const existing = await trx.selectFrom('accounts').select(['id', 'name', 'role', 'institution_id', 'locale'])
      .where('email', '=', email).forUpdate().executeTakeFirst();
    const refused = existing ? existingAccountError(existing, input.institution.id) : input.name ? undefined : { name: 'admin.error.nameForInvitation' };
    if (refused) return { ok: false, errors: refused };
    const successor = existing?.name ?? input.name ?? email;
    const mail = { institution: input.institution.name, reason: input.reason };

    const removed = await trx.updateTable('accounts').set({ role: null, institution_id: null, updated_at: sql<Date>`now()` })
      .where('role', '=', 'point_of_contact').where('institution_id', '=', input.institution.id)
      .returning(['id', 'name', 'email', 'locale']).execute();
    for (const old of removed) {
      await endAllSessions(trx, old.id);
      await mailer.queue(trx, pointOfContactRemovedMail(intlFor(storedLocale(old.locale)), {
        ...mail, to: old.email, name: old.name, successor,
      }));
      await recordAccountEvent(trx, {
        kind: 'role_removed', actorId: input.actorId, accountId: old.id, institutionId: input.institution.id,
        details: { role: 'point_of_contact', reason: input.reason },
      });
    }
    await trx.updateTable('invitations').set({ revoked_at: sql<Date>`now()` })
      .where('role', '=', 'point_of_contact').where('institution_id', '=', input.institution.id)
      .where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
    if (existing) {
      await trx.updateTable('accounts').set({ role: 'point_of_contact', institution_id: input.institution.id, updated_at: sql<Date>`now()` })
        .where('id', '=', existing.id).execute();
      // What the person could see changes: their sessions end, and the next sign-in shows the new role.
      await endAllSessions(trx, existing.id);
      const locale = storedLocale(existing.locale);
      await mailer.queue(trx, pointOfContactGrantedMail(intlFor(locale), {
        ...mail, to: email, name: existing.name, link: `${baseUrl}/${locale}/sign-in`,
      }));
      await recordAccountEvent(trx, {
        kind: 'role_granted', actorId: input.actorId, accountId: existing.id, institutionId: input.institution.id,
        details: { role: 'point_of_contact', previousRole: existing.role, reason: input.reason },
      });
    }
    await recordAccountEvent(trx, {
      kind: 'point_of_contact_handed_over', actorId: input.actorId, accountId: existing?.id ?? null,
      institutionId: input.institution.id,
      details: {
        from: removed.map((r) => ({ id: r.id, name: r.name, email: r.email })),
        to: { id: existing?.id ?? null, name: successor, email },
        reason: input.reason,
      },
    });
    if (!existing) {
      await storeInvitation(trx, mailer, baseUrl, {
        email, name: successor, role: 'point_of_contact', institutionId: input.institution.id, locale: input.locale,
        invitedBy: input.actorId,
      }, input.institution.name);
    }
    return { ok: true, invited: !existing };
  });
  if (handedOver.ok) await mailer.deliverQueued(db);
  return handedOver;
}

/** Why an existing account cannot take the institution over, as field errors; undefined when it can (no role). */
function existingAccountError(account: { role: Role | null; institution_id: string | null }, institutionId: string): FieldErrors | undefined {
  if (account.role === null) return undefined;
  if (account.role === 'administrator') return { email: 'admin.error.administratorCannotBePoc' };
  if (account.role !== 'point_of_contact') return { email: 'admin.error.accountHasOtherRole' };
  return { email: account.institution_id === institutionId ? 'admin.error.alreadyPoc' : 'admin.error.pocOfOtherInstitution' };
}

import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { FieldErrors } from '../http/form.ts';
import { recordAccountEvent } from './account-events.ts';
import { storeInvitation } from './invitations.ts';
import { endAllSessions } from './session.ts';

/**
 * Point-of-contact hand-over. Access of a point of contact is by institution, so the new one sees everything the
 * institution has; the old ones lose their role and their sessions at once (their account stays, role-less, and
 * their past actions keep their name); open point-of-contact invitations of the institution are withdrawn; and the
 * hand-over itself is recorded. The new point of contact is an existing account (given the role at once) or a new
 * person (invited by e-mail).
 */
export type HandOverInput = {
  actorId: string; institution: { id: string; name: string }; email: string; name: string; locale: Locale; reason: string | null;
};

export type HandedOver = { ok: true; invited: boolean } | { ok: false; errors: FieldErrors };

export async function handOverPointOfContact(db: Db, mailer: Mailer, baseUrl: string, input: HandOverInput): Promise<HandedOver> {
  const email = input.email.toLowerCase();
  const existing = await db.selectFrom('accounts').select(['id', 'name', 'role', 'institution_id']).where('email', '=', email).executeTakeFirst();
  if (existing?.role === 'administrator') return { ok: false, errors: { email: 'admin.error.administratorCannotBePoc' } };
  if (existing?.role === 'point_of_contact' && existing.institution_id === input.institution.id) {
    return { ok: false, errors: { email: 'admin.error.alreadyPoc' } };
  }

  await db.transaction().execute(async (trx) => {
    const removed = await trx.updateTable('accounts').set({ role: null, institution_id: null, updated_at: sql<Date>`now()` })
      .where('role', '=', 'point_of_contact').where('institution_id', '=', input.institution.id)
      .returning(['id', 'name', 'email']).execute();
    for (const old of removed) {
      await endAllSessions(trx, old.id);
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
      // A role the person had before is gone: their sessions end with it.
      await endAllSessions(trx, existing.id);
      if (existing.role === 'point_of_contact' && existing.institution_id) {
        await recordAccountEvent(trx, {
          kind: 'role_removed', actorId: input.actorId, accountId: existing.id, institutionId: existing.institution_id,
          details: { role: 'point_of_contact', reason: input.reason, movedTo: input.institution.id },
        });
      }
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
        to: { id: existing?.id ?? null, name: existing?.name ?? input.name, email },
        reason: input.reason,
      },
    });
    if (!existing) {
      await storeInvitation(trx, mailer, baseUrl, {
        email, name: input.name, role: 'point_of_contact', institutionId: input.institution.id, locale: input.locale,
        invitedBy: input.actorId,
      }, input.institution.name);
    }
  });
  await mailer.deliverQueued(db);
  return { ok: true, invited: !existing };
}

import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { intlFor } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import { recordAccountEvent } from './account-events.ts';
import { passwordResetMail } from './account-mail.ts';
import { hashPassword } from './password.ts';
import { endAllSessions } from './session.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * Password reset by e-mailed link: the link works once, for one hour. Asking never says whether the address has an
 * account. Setting the new password uses up every open link of the account and signs it out everywhere.
 */
const LIFETIME = '1 hour';

/** Sends a reset link when the address has an account; does nothing visible otherwise. */
export async function requestPasswordReset(db: Db, mailer: Mailer, baseUrl: string, locale: Locale, email: string): Promise<void> {
  const account = await db.selectFrom('accounts').select(['id', 'email']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!account) return;
  const { token, hash } = newToken();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('password_resets').values({
      account_id: account.id, token_hash: hash, expires_at: sql<Date>`now() + ${LIFETIME}::interval`,
    }).execute();
    await recordAccountEvent(trx, { kind: 'password_reset_requested', actorId: null, accountId: account.id });
    await mailer.queue(trx, passwordResetMail(intlFor(locale), { to: account.email, link: `${baseUrl}/${locale}/password-reset/${token}` }));
  });
  await mailer.deliverQueued(db);
}

/** True when the link's token can still set a password. */
export async function isOpenReset(db: Db, token: string): Promise<boolean> {
  const row = await db.selectFrom('password_resets').select('id').where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst();
  return row !== undefined;
}

/** Sets the new password and uses up the link; false when the link was used, expired or never existed. */
export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await trx.updateTable('password_resets').set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', hashToken(token)).where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
      .returning('account_id').executeTakeFirst();
    if (!reset) return false;
    await trx.updateTable('accounts').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` })
      .where('id', '=', reset.account_id).execute();
    await trx.updateTable('password_resets').set({ used_at: sql<Date>`now()` })
      .where('account_id', '=', reset.account_id).where('used_at', 'is', null).execute();
    await endAllSessions(trx, reset.account_id);
    await recordAccountEvent(trx, { kind: 'password_reset', actorId: reset.account_id, accountId: reset.account_id });
    return true;
  });
}

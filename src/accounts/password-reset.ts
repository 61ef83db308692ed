import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';
import { intlFor } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import { recordAccountEvent } from './account-events.ts';
import { passwordResetMail } from './account-mail.ts';
import { hashPassword } from './password.ts';
import { clearAddressLimit } from './rate-limit.ts';
import { endAllSessions } from './session.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * Password reset by e-mailed link: the link works once, for one hour. Asking never says whether the address has an
 * account. Setting the new password uses up every open link of the account and signs it out everywhere.
 */
const LIFETIME = '1 hour';

/**
 * Queues a reset link, in the caller's transaction, when the address has an account; does nothing visible otherwise.
 * The caller delivers it after the commit, and after answering: an SMTP conversation, however slow, must not make
 * the answer for an address with an account take longer than for one without.
 */
export async function requestPasswordReset(trx: Transaction<Database>, mailer: Mailer, baseUrl: string, locale: Locale, email: string): Promise<void> {
  const account = await trx.selectFrom('accounts').select(['id', 'email']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!account) return;
  const { token, hash } = newToken();
  await trx.insertInto('password_resets').values({
    account_id: account.id, token_hash: hash, expires_at: sql<Date>`now() + ${LIFETIME}::interval`,
  }).execute();
  await recordAccountEvent(trx, { kind: 'password_reset_requested', actorId: null, accountId: account.id });
  await mailer.queue(trx, passwordResetMail(intlFor(locale), { to: account.email, link: `${baseUrl}/${locale}/password-reset/${token}` }));
}

/** The address of the account whose password the link's token can still set; undefined when it no longer can. */
export async function openResetEmail(db: Db, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('password_resets').innerJoin('accounts', 'accounts.id', 'password_resets.account_id')
    .select('accounts.email').where('password_resets.token_hash', '=', hashToken(token))
    .where('password_resets.used_at', 'is', null).where('password_resets.expires_at', '>', sql<Date>`now()`).executeTakeFirst();
  return row?.email;
}

/** Sets the new password and uses up the link; false when the link was used, expired or never existed. */
export async function resetPassword(db: Db, token: string, password: string, ip: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await trx.updateTable('password_resets').set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', hashToken(token)).where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
      .returning('account_id').executeTakeFirst();
    if (!reset) return false;
    const account = await trx.updateTable('accounts').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` })
      .where('id', '=', reset.account_id).returning('email').executeTakeFirstOrThrow();
    await trx.updateTable('password_resets').set({ used_at: sql<Date>`now()` })
      .where('account_id', '=', reset.account_id).where('used_at', 'is', null).execute();
    await endAllSessions(trx, reset.account_id);
    // The sign-in limit of this account's address is what locked its owner out; it ends here. That is safe: the
    // password it guarded against guessing has just been replaced by one only the mailbox's owner knows. The limits
    // of IP addresses stay (a guesser's address remains limited), and so does the second-factor limit: the link
    // proves the mailbox, not the authenticator.
    await clearAddressLimit(trx, 'sign_in', account.email, ip);
    await recordAccountEvent(trx, { kind: 'password_reset', actorId: reset.account_id, accountId: reset.account_id });
    return true;
  });
}

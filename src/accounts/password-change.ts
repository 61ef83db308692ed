import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { intlFor } from '../i18n/intl.ts';
import { storedLocale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import { recordAccountEvent } from './account-events.ts';
import { passwordChangedMail } from './account-mail.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { attemptSucceeded, beginAttempt } from './rate-limit.ts';
import { endOtherSessions } from './session.ts';

export type PasswordChange = 'changed' | 'wrong_password' | 'too_many_attempts';

/**
 * A signed-in person changes their password. The current password is checked under the sign-in limit (a stolen
 * session must not become a way to guess it); the change signs out every other session, uses up open reset links,
 * is recorded, and tells the person by e-mail, in their language, with a way back if it was not them.
 */
export async function changePassword(db: Db, mailer: Mailer, baseUrl: string, change: {
  accountId: string; sessionId: string; ip: string; currentPassword: string; newPassword: string;
}): Promise<PasswordChange> {
  const account = await db.selectFrom('accounts').select(['email', 'name', 'locale', 'password_hash'])
    .where('id', '=', change.accountId).executeTakeFirstOrThrow();
  const attempt = await beginAttempt(db, 'sign_in', account.email, change.ip);
  if (!attempt.allowed) return 'too_many_attempts';
  if (!await verifyPassword(account.password_hash, change.currentPassword)) return 'wrong_password';
  await attemptSucceeded(db, attempt.id);
  const passwordHash = await hashPassword(change.newPassword);
  const locale = storedLocale(account.locale);
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('accounts').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` })
      .where('id', '=', change.accountId).returning('updated_at').executeTakeFirstOrThrow();
    await trx.updateTable('password_resets').set({ used_at: sql<Date>`now()` })
      .where('account_id', '=', change.accountId).where('used_at', 'is', null).execute();
    const sessions = await endOtherSessions(trx, change.accountId, change.sessionId);
    await recordAccountEvent(trx, { kind: 'password_changed', actorId: change.accountId, accountId: change.accountId, details: { sessions } });
    await mailer.queue(trx, passwordChangedMail(intlFor(locale), {
      to: account.email, name: account.name, at: changed.updated_at, resetLink: `${baseUrl}/${locale}/password-reset`,
    }));
  });
  await mailer.deliverQueued(db);
  return 'changed';
}

import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { intlFor } from '../i18n/intl.ts';
import { storedLocale } from '../i18n/locales.ts';
import type { Mailer } from '../mail/mailer.ts';
import { recordAccountEvent } from './account-events.ts';
import { secondFactorResetMail } from './account-mail.ts';
import { attemptSucceeded, beginAttempt } from './rate-limit.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { endAllSessions } from './session.ts';
import { newTotpSecret, totpStep, TOTP_CODE } from './totp.ts';

/** The secret being set up for an account, made on first sight of the set-up page and kept until confirmed. */
export async function pendingTotpSecret(db: Db, accountId: string): Promise<string> {
  const row = await db.updateTable('accounts')
    .set({ totp_pending_secret: sql<string>`coalesce(totp_pending_secret, ${newTotpSecret()})` })
    .where('id', '=', accountId).returning('totp_pending_secret').executeTakeFirstOrThrow();
  return row.totp_pending_secret!;
}

/**
 * Turns TOTP on when the code matches the secret being set up, with ten new recovery codes, returned to be shown
 * once. Returns null for a wrong code.
 */
export async function enableSecondFactor(db: Db, accountId: string, code: string): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('accounts').select(['totp_pending_secret'])
      .where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
    const step = account.totp_pending_secret ? totpStep(account.totp_pending_secret, code) : null;
    if (step === null) return null;
    await trx.updateTable('accounts').set({
      totp_secret: account.totp_pending_secret, totp_enabled_at: sql<Date>`now()`, totp_pending_secret: null,
      totp_last_step: String(step), updated_at: sql<Date>`now()`,
    }).where('id', '=', accountId).execute();
    await recordAccountEvent(trx, { kind: 'second_factor_enabled', actorId: accountId, accountId });
    return replaceRecoveryCodes(trx, accountId);
  });
}

/**
 * Accepts a code of the account's confirmed secret, at most once per time step (a code seen on a shoulder or in
 * a log cannot be played again). Returns false for a wrong or replayed code.
 */
export async function acceptSecondFactorCode(db: Db, accountId: string, code: string): Promise<boolean> {
  const account = await db.selectFrom('accounts').select('totp_secret').where('id', '=', accountId).executeTakeFirst();
  const step = account?.totp_secret ? totpStep(account.totp_secret, code) : null;
  if (step === null) return false;
  const updated = await db.updateTable('accounts').set({ totp_last_step: String(step) })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

export type SecondFactorCheck = 'totp' | 'recovery_code' | 'not_accepted' | 'too_many_attempts';

/**
 * Checks a code typed for the account's second factor, counted by the same limit as the sign-in step (rate-limit.ts):
 * a TOTP code, or, where `recoveryCode` allows it (signing in), a recovery code, which is used up.
 */
export async function checkSecondFactor(db: Db, account: { id: string; email: string }, code: string, ip: string,
  accept: { recoveryCode: boolean }): Promise<SecondFactorCheck> {
  const attempt = await beginAttempt(db, 'second_factor', account.email, ip);
  if (!attempt.allowed) return 'too_many_attempts';
  const result = TOTP_CODE.test(code)
    ? (await acceptSecondFactorCode(db, account.id, code) ? 'totp' : 'not_accepted')
    : (accept.recoveryCode && await useRecoveryCode(db, account.id, code) ? 'recovery_code' : 'not_accepted');
  if (result !== 'not_accepted') await attemptSucceeded(db, attempt.id);
  return result;
}

/** Turns TOTP off (not allowed to administrators: the policy says so before this runs). */
export async function disableSecondFactor(db: Db, accountId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await clearSecondFactor(trx, accountId);
    await recordAccountEvent(trx, { kind: 'second_factor_disabled', actorId: accountId, accountId });
  });
}

/**
 * An administrator turns another person's TOTP off (a lost phone), with a reason: their recovery codes go, they are
 * signed out everywhere, their next sign-in asks them to set it up again if their role requires it, and they are
 * told by e-mail, in their language, with the reason. Returns false when the account had no second factor (nothing
 * to reset).
 */
export async function resetSecondFactor(db: Db, mailer: Mailer, baseUrl: string,
  reset: { actorId: string; accountId: string; reason: string }): Promise<boolean> {
  const done = await db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('accounts').select(['totp_enabled_at', 'institution_id', 'email', 'name', 'locale'])
      .where('id', '=', reset.accountId).forUpdate().executeTakeFirst();
    if (!account?.totp_enabled_at) return false;
    await clearSecondFactor(trx, reset.accountId);
    const sessions = await endAllSessions(trx, reset.accountId);
    await recordAccountEvent(trx, {
      kind: 'second_factor_reset', actorId: reset.actorId, accountId: reset.accountId, institutionId: account.institution_id,
      details: { reason: reset.reason, sessions },
    });
    const locale = storedLocale(account.locale);
    await mailer.queue(trx, secondFactorResetMail(intlFor(locale), {
      to: account.email, name: account.name, at: new Date(), reason: reset.reason, resetLink: `${baseUrl}/${locale}/password-reset`,
    }));
    return true;
  });
  if (done) await mailer.deliverQueued(db);
  return done;
}

async function clearSecondFactor(trx: Transaction<Database>, accountId: string): Promise<void> {
  await trx.updateTable('accounts').set({
    totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, totp_last_step: null, updated_at: sql<Date>`now()`,
  }).where('id', '=', accountId).execute();
  await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
}

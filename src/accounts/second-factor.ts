import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { recordAccountEvent } from './account-events.ts';
import { newTotpSecret, totpStep } from './totp.ts';

/** The secret being set up for an account, made on first sight of the set-up page and kept until confirmed. */
export async function pendingTotpSecret(db: Db, accountId: string): Promise<string> {
  const row = await db.updateTable('accounts')
    .set({ totp_pending_secret: sql<string>`coalesce(totp_pending_secret, ${newTotpSecret()})` })
    .where('id', '=', accountId).returning('totp_pending_secret').executeTakeFirstOrThrow();
  return row.totp_pending_secret!;
}

/** Turns TOTP on when the code matches the secret being set up. Returns false for a wrong code. */
export async function enableSecondFactor(db: Db, accountId: string, code: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('accounts').select(['totp_pending_secret'])
      .where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
    const step = account.totp_pending_secret ? totpStep(account.totp_pending_secret, code) : null;
    if (step === null) return false;
    await trx.updateTable('accounts').set({
      totp_secret: account.totp_pending_secret, totp_enabled_at: sql<Date>`now()`, totp_pending_secret: null,
      totp_last_step: String(step), updated_at: sql<Date>`now()`,
    }).where('id', '=', accountId).execute();
    await recordAccountEvent(trx, { kind: 'second_factor_enabled', actorId: accountId, accountId });
    return true;
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

/** Turns TOTP off (not allowed to administrators: the policy says so before this runs). */
export async function disableSecondFactor(db: Db, accountId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({
      totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, totp_last_step: null, updated_at: sql<Date>`now()`,
    }).where('id', '=', accountId).execute();
    await recordAccountEvent(trx, { kind: 'second_factor_disabled', actorId: accountId, accountId });
  });
}

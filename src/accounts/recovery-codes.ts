import { createHash, randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';
import { recordAccountEvent } from './account-events.ts';

/**
 * Recovery codes: ten one-time codes, shown once when two-step sign-in is turned on (or the codes are made anew), that
 * stand in for a TOTP code when the phone is lost. A code is 16 characters of Crockford's base32 (80 random bits),
 * written in groups of four; the database keeps only its SHA-256. With 80 bits, a copy of the table gives no code
 * back by brute force, so a slow salted hash (argon2id) would add nothing but the cost of checking ten hashes per try.
 */
type Executor = Kysely<Database> | Transaction<Database>;
export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O, U, which read as 1, 1, 0 and V.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 16;

/** A code as a person types it: case, spaces and hyphens do not matter; I, L and O read as 1, 1 and 0. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

export const RECOVERY_CODE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

const hashCode = (code: string): string => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * Replaces the account's codes with ten new ones (old ones, used or not, stop working) and records it; returns the
 * codes, to be shown once. Runs inside the caller's transaction (turning TOTP on, or making new codes).
 */
export async function replaceRecoveryCodes(trx: Transaction<Database>, accountId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await trx.insertInto('recovery_codes').values(codes.map((code) => ({ account_id: accountId, code_hash: hashCode(code) }))).execute();
  await recordAccountEvent(trx, { kind: 'recovery_codes_generated', actorId: accountId, accountId, details: { count: codes.length } });
  return codes;
}

/** Uses up one unused code of the account, at most once even under parallel requests; false when it is not one. */
export async function useRecoveryCode(db: Db, accountId: string, input: string): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!RECOVERY_CODE.test(code)) return false;
  return db.transaction().execute(async (trx) => {
    const used = await trx.updateTable('recovery_codes').set({ used_at: sql<Date>`now()` })
      .where('account_id', '=', accountId).where('code_hash', '=', hashCode(code)).where('used_at', 'is', null)
      .returning('id').executeTakeFirst();
    if (!used) return false;
    const remaining = await countRecoveryCodes(trx, accountId);
    await recordAccountEvent(trx, { kind: 'recovery_code_used', actorId: accountId, accountId, details: { remaining } });
    return true;
  });
}

/** How many unused codes the account has left. */
export async function countRecoveryCodes(db: Executor, accountId: string): Promise<number> {
  const row = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', accountId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

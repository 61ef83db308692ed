import ipaddr from 'ipaddr.js';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/**
 * Limits on sign-in, second-factor and password-reset attempts, counted in PostgreSQL so that every app process
 * sees the same count. An attempt is recorded (as failed) before the password is checked, under a transaction-scoped
 * advisory lock per e-mail address and per IP, so parallel requests cannot slip past the limit; a sign-in that
 * succeeds, or a password reset, clears the count of its e-mail address (not of its IP).
 */
export type AttemptKind = 'sign_in' | 'second_factor' | 'password_reset';

export const LIMITS: Record<AttemptKind, { perEmail: number; perIp: number; window: string }> = {
  sign_in: { perEmail: 5, perIp: 20, window: '15 minutes' },
  second_factor: { perEmail: 5, perIp: 20, window: '15 minutes' },
  password_reset: { perEmail: 3, perIp: 10, window: '1 hour' },
};

export type Attempt = { allowed: true; id: string } | { allowed: false };

/**
 * The address the per-IP limit counts: an IPv6 address by its /64, the block a single home, office or rented server
 * is given (its owner may use any of its 2^64 addresses, so counting each alone would limit nothing); an IPv4
 * address as it is, also when it arrives written as IPv6 (`::ffff:203.0.113.7`, from a dual-stack socket).
 */
export function countedAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${network.toString()}/64`;
}

/**
 * Counts this attempt if the limits allow it; refused attempts are not counted (the limit ends with its window).
 * `whenAllowed` runs in the same transaction when the attempt is allowed: writes that depend on whether the address
 * has an account then cost no commit of their own, which would tell who has one by the time the answer takes.
 */
export async function beginAttempt(db: Db, kind: AttemptKind, email: string, address: string,
  whenAllowed?: (trx: Transaction<Database>) => Promise<void>): Promise<Attempt> {
  const limit = LIMITS[kind];
  const ip = countedAddress(address);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${kind}:email:${email}`}, 0))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${kind}:ip:${ip}`}, 0))`.execute(trx);
    const since = sql<Date>`now() - ${limit.window}::interval`;
    const lastSuccess = trx.selectFrom('auth_attempts').select((eb) => eb.fn.max('attempted_at').as('at'))
      .where('kind', '=', kind).where('email', '=', email).where('succeeded', '=', true);
    const byEmail = await trx.selectFrom('auth_attempts').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', kind).where('email', '=', email).where('succeeded', '=', false)
      .where('attempted_at', '>', since)
      .where((eb) => eb.or([eb(lastSuccess, 'is', null), eb('attempted_at', '>', lastSuccess)]))
      .executeTakeFirstOrThrow();
    const byIp = await trx.selectFrom('auth_attempts').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', kind).where('ip', '=', ip).where('succeeded', '=', false).where('attempted_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(byEmail.n) >= limit.perEmail || Number(byIp.n) >= limit.perIp) return { allowed: false as const };
    const row = await trx.insertInto('auth_attempts').values({ kind, email, ip }).returning('id').executeTakeFirstOrThrow();
    await whenAllowed?.(trx);
    return { allowed: true as const, id: row.id };
  });
}

/**
 * Forgets the failed attempts of one e-mail address, as a successful attempt does, without touching the count of
 * any IP address: a success is recorded for the address (from `ip`), and the per-address count starts after it.
 */
export async function clearAddressLimit(db: Db | Transaction<Database>, kind: AttemptKind, email: string, ip: string): Promise<void> {
  await db.insertInto('auth_attempts').values({ kind, email, ip: countedAddress(ip), succeeded: true }).execute();
}

export async function attemptSucceeded(db: Db, attemptId: string): Promise<void> {
  await db.updateTable('auth_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
  // Attempts are kept 30 days for the record, then forgotten.
  await db.deleteFrom('auth_attempts').where('attempted_at', '<', sql<Date>`now() - interval '30 days'`).execute();
}

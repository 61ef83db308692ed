import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cookieName, cookieOptions, type WebSecurity } from '../http/cookies.ts';
import { hashToken, newToken, TOKEN } from './tokens.ts';

/**
 * Server-side sessions: the cookie holds a random token, the `sessions` table its digest. A session ends after
 * 8 hours without a request or 7 days after sign-in, whichever comes first; one waiting for the second factor
 * lasts 10 minutes and opens nothing else.
 */
type Executor = Kysely<Database> | Transaction<Database>;
export const IDLE_LIMIT = '8 hours';
const LIFETIME = '7 days';
const SECOND_FACTOR_LIFETIME = '10 minutes';

export async function startSession(db: Executor, accountId: string, options: { secondFactorPending?: boolean } = {}): Promise<string> {
  const { token, hash } = newToken();
  const pending = options.secondFactorPending ?? false;
  await db.insertInto('sessions').values({
    token_hash: hash, account_id: accountId, second_factor_pending: pending,
    expires_at: sql<Date>`now() + ${pending ? SECOND_FACTOR_LIFETIME : LIFETIME}::interval`,
  }).execute();
  if (!pending) await db.updateTable('accounts').set({ last_sign_in_at: sql<Date>`now()` }).where('id', '=', accountId).execute();
  // Sign-in is a good moment to forget sessions nobody can use any more.
  await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
  return token;
}

/** The session token the browser sent, when it looks like one. */
export function sessionToken(web: WebSecurity, request: FastifyRequest): string | undefined {
  const token = request.cookies[cookieName(web, 'session')];
  return token && TOKEN.test(token) ? token : undefined;
}

export function setSessionCookie(web: WebSecurity, reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName(web, 'session'), token, cookieOptions(web));
}

export function clearSessionCookie(web: WebSecurity, reply: FastifyReply): void {
  reply.clearCookie(cookieName(web, 'session'), cookieOptions(web));
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Signs a person out everywhere (sign out everywhere, a new password, a removed role). */
export async function endAllSessions(db: Executor, accountId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Signs a person out of every session but the one they are using (a password changed while signed in). */
export async function endOtherSessions(db: Executor, accountId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '<>', keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The live session a token opens, with the account id; `secondFactorPending` says which kind it is. */
export async function findSession(db: Executor, token: string) {
  return db.selectFrom('sessions')
    .select(['id', 'account_id as accountId', 'second_factor_pending as secondFactorPending', 'last_seen_at as lastSeenAt'])
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - ${IDLE_LIMIT}::interval`)
    .executeTakeFirst();
}

/** Keeps an active session alive; written at most once a minute per session. */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql<Date>`now()` })
    .where('id', '=', sessionId).where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`).execute();
}

import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { WebSecurity } from '../http/cookies.ts';
import type { Role } from './roles.ts';
import { findSession, sessionToken, touchSession } from './session.ts';

/** The signed-in person as handlers and policies see them, read afresh on every request (so a role change is immediate). */
export type CurrentUser = {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role | null;
  institutionId: string | null;
  institutionName: string | null;
  locale: string;
  totpEnabled: boolean;
};

const cache = new WeakMap<FastifyRequest, Promise<CurrentUser | undefined>>();

/** The person the request's session belongs to, or undefined for the public (no, expired or half-done session). */
export function currentUser(deps: { db: Db; web: WebSecurity }, request: FastifyRequest): Promise<CurrentUser | undefined> {
  let found = cache.get(request);
  if (!found) {
    found = load(deps, request);
    cache.set(request, found);
  }
  return found;
}

async function load({ db, web }: { db: Db; web: WebSecurity }, request: FastifyRequest): Promise<CurrentUser | undefined> {
  const token = sessionToken(web, request);
  if (!token) return undefined;
  const session = await findSession(db, token);
  if (!session || session.secondFactorPending) return undefined;
  const account = await db.selectFrom('accounts')
    .leftJoin('institutions', 'institutions.id', 'accounts.institution_id')
    .select(['accounts.id', 'accounts.email', 'accounts.name', 'accounts.role', 'accounts.institution_id',
      'institutions.name as institution_name', 'accounts.locale', 'accounts.totp_enabled_at'])
    .where('accounts.id', '=', session.accountId).executeTakeFirst();
  if (!account) return undefined;
  await touchSession(db, session.id);
  return {
    id: account.id, sessionId: session.id, email: account.email, name: account.name, role: account.role,
    institutionId: account.institution_id, institutionName: account.institution_name, locale: account.locale,
    totpEnabled: account.totp_enabled_at !== null,
  };
}

import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/connect.ts';
import { hashPassword } from './password.ts';
import type { Role } from './roles.ts';
import { newTotpSecret } from './totp.ts';

/**
 * Test factories of the accounts domain: accounts made directly in the database (the invitation flow has its own
 * tests), and TOTP codes as an authenticator app would show them.
 */
let counter = 0;
// Hashing costs ~50 ms; factories share one hash per password.
const hashes = new Map<string, Promise<string>>();

export type TestAccount = { id: string; email: string; name: string; password: string; totpSecret: string | null; institutionId: string | null };

export async function createAccount(db: Db, options: {
  role?: Role | null; email?: string; name?: string; password?: string; institutionSlug?: string; totp?: boolean; locale?: string;
} = {}): Promise<TestAccount> {
  counter += 1;
  const role = options.role === undefined ? 'point_of_contact' : options.role;
  const email = options.email ?? `person${counter}-${Date.now()}@example.org`;
  const name = options.name ?? `Person ${counter}`;
  const password = options.password ?? 'correct horse battery staple';
  const slug = options.institutionSlug ?? (role === 'point_of_contact' ? 'office-of-the-deputy-president' : undefined);
  const institution = slug
    ? await db.selectFrom('institutions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    : undefined;
  const totpSecret = (options.totp ?? role === 'administrator') ? newTotpSecret() : null;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const row = await db.insertInto('accounts').values({
    email, name, password_hash: await hashes.get(password)!, role, institution_id: institution?.id ?? null,
    totp_secret: totpSecret, totp_enabled_at: totpSecret ? new Date() : null, ...(options.locale ? { locale: options.locale } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, email, name, password, totpSecret, institutionId: institution?.id ?? null };
}

/** The code an authenticator app shows; `stepsAhead` gives a later one (a code is accepted once per 30 s step). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}

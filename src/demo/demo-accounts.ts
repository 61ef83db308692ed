import type { Db } from '../db/connect.ts';
import { recordAccountEvent } from '../accounts/account-events.ts';
import { hashPassword, randomPassword } from '../accounts/password.ts';
import type { Role } from '../accounts/roles.ts';

/**
 * One account per role for a newcomer to walk the workspace. Every start of the portal makes those that are missing
 * (a database filled by an import before the first start, an account added to this list later); an existing one is
 * never touched, so a changed password stays changed. Passwords are random and shown once; the administrator has no
 * TOTP yet, so the first sign-in walks through it.
 */
const DEMO_ACCOUNTS: { email: string; name: string; role: Role; institution?: { member: string; slug: string } }[] = [
  { email: 'admin@ahadi.example', name: 'Amina Secretariat', role: 'administrator' },
  { email: 'poc@ahadi.example', name: 'Peter Point-of-Contact', role: 'point_of_contact',
    institution: { member: 'kenya', slug: 'office-of-the-deputy-president' } },
  { email: 'reviewer@ahadi.example', name: 'Rehema Reviewer', role: 'civil_society_reviewer',
    institution: { member: 'kenya', slug: 'civil-society-organisations' } },
  { email: 'researcher@ahadi.example', name: 'Ian Researcher', role: 'irm_researcher' },
];

export type DemoAccount = { email: string; role: Role; password: string };

/**
 * Creates the demo accounts that do not exist yet; returns them with their one-time passwords. Makes none once the
 * installation has an administrator of its own (not a demo one): it is then a real portal, where a demo account
 * must not come back after being removed. Skips an account whose demo institution is missing (no demo data).
 */
export async function createDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const realAdministrator = await db.selectFrom('accounts').select('id').where('role', '=', 'administrator')
    .where('email', 'not in', DEMO_ACCOUNTS.map((a) => a.email)).executeTakeFirst();
  if (realAdministrator) return [];
  const created: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await db.selectFrom('accounts').select('id').where('email', '=', demo.email).executeTakeFirst()) continue;
    const institution = demo.institution
      ? await db.selectFrom('institutions').innerJoin('members', 'members.id', 'institutions.member_id')
        .select('institutions.id').where('members.slug', '=', demo.institution.member)
        .where('institutions.slug', '=', demo.institution.slug).executeTakeFirst()
      : undefined;
    if (demo.institution && !institution) continue;
    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const account = await trx.insertInto('accounts').values({
        email: demo.email, name: demo.name, password_hash: passwordHash, role: demo.role, institution_id: institution?.id ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAccountEvent(trx, {
        kind: 'account_created', actorId: null, accountId: account.id, institutionId: institution?.id ?? null,
        details: { role: demo.role, demo: true },
      });
    });
    created.push({ email: demo.email, role: demo.role, password });
  }
  return created;
}

/** The lines printed once on the console. */
export function demoAccountsNotice(accounts: DemoAccount[], baseUrl: string): string[] {
  if (accounts.length === 0) return [];
  return [
    `Demo accounts (sign in at ${baseUrl}/en/sign-in). These passwords are shown only now:`,
    ...accounts.map((a) => `  ${a.role.padEnd(24)} ${a.email.padEnd(26)} ${a.password}`),
    'WARNING: anyone who reads this can sign in. Change these passwords (or remove the accounts) before the portal is public.',
  ];
}

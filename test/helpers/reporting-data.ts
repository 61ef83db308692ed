import type { Db } from '../../src/db/connect.ts';
import type { CurrentUser } from '../../src/accounts/current-user.ts';
import type { Role } from '../../src/accounts/roles.ts';
import { createAccount, type TestAccount } from '../../src/accounts/account.factories.ts';
import type { LinkCheck } from '../../src/evidence/link-check.ts';
import type { StoredUpload } from '../../src/evidence/evidence-upload.ts';
import { readConfig } from '../../src/config/config.ts';

/**
 * Fixtures of the reporting tests, on the demo plan (Kenya, plan 4): KE0031 has the plan's only milestones (1-7),
 * led by the Office of the Deputy President and the Commission on Administrative Justice; KE0024 is the National
 * Treasury's, without milestones.
 */
export async function kenyaPlanId(db: Db): Promise<string> {
  const row = await db.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
    .select('p.id').where('m.slug', '=', 'kenya').where('p.number', '=', 4).executeTakeFirstOrThrow();
  return row.id;
}

export async function milestoneIdOf(db: Db, ogpId: string, number: number): Promise<string> {
  const row = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .select('m.id').where('c.ogp_id', '=', ogpId).where('m.number', '=', number).executeTakeFirstOrThrow();
  return row.id;
}

/** An account and the CurrentUser a signed-in request would give for it, for calling commands directly. */
export async function person(db: Db, role: Role | null, institutionSlug?: string): Promise<{ account: TestAccount; user: CurrentUser }> {
  const account = await createAccount(db, { role, ...(institutionSlug ? { institutionSlug } : {}) });
  return {
    account,
    user: {
      id: account.id, sessionId: '0', email: account.email, name: account.name, role, institutionId: account.institutionId,
      institutionName: null, locale: 'en', totpEnabled: account.totpSecret !== null,
    },
  };
}

/** The day after tomorrow, as the round form takes a deadline. */
export const futureDay = (days = 2): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A link check that never leaves the machine: the page "served" a fixed body. */
export const reachableLink = async (): Promise<LinkCheck> => ({ ok: true, sha256: 'b'.repeat(64), mediaType: 'text/html', fetchedAt: new Date() });

/** What the report command needs from the portal: links checked without the network, the default upload quota. */
export const reportDeps = { checkLink: reachableLink, uploadQuotaBytes: readConfig({}).uploadQuotaBytes };

/** An upload as readEvidenceForm hands it over (the bytes themselves are the evidence helper's business). */
export const storedPdf = (fileName = 'minutes.pdf'): StoredUpload =>
  ({ field: 'file', fileName, sha256: 'c'.repeat(64), sizeBytes: 1234, mediaType: 'application/pdf' });

/** Form values as the multipart reader gives them: each name with its list of values. */
export const evidenceForm = (values: Record<string, string>, files: StoredUpload[] = []) =>
  ({ values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v]])), files, errors: {} });

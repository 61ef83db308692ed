import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceApp, postMultipart, type EvidenceApp, type Part } from '../../test/helpers/evidence-data.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { futureDay, kenyaPlanId, milestoneIdOf } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, type WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

// Three kilobytes a day per account: the test's files are a kilobyte or so.
const QUOTA = 3 * 1024;
const kilobytes = (locale: string, n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short' }).format(n);
let t: EvidenceApp;
let roundId: string;

beforeAll(async () => {
  t = await createEvidenceApp({ uploadQuotaBytes: QUOTA });
  const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
  const opened = await admin.submit('/en/reporting/rounds/new', '/en/reporting/rounds/new',
    { actionPlan: await kenyaPlanId(t.database.db), label: '2021 Q3', deadline: futureDay() });
  expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
  roundId = (await t.database.db.selectFrom('reporting_rounds').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t.close(); });

const pointOfContact = async () =>
  signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' }));

/** A text file of `bytes` bytes, different for each `mark`. */
const textFile = (mark: string, bytes: number): Part =>
  ({ name: 'file', fileName: `${mark}.txt`, content: `${mark}\n`.padEnd(bytes, '.'), type: 'text/plain' });

async function report(client: WebClient, milestone: number, file: Part, locale = 'en') {
  const url = `/${locale}/reporting/rounds/${roundId}/milestones/${await milestoneIdOf(t.database.db, 'KE0031', milestone)}/report`;
  const token = csrfTokenIn((await client.get(url)).body)!;
  const fields: Part[] = [{ name: 'status', value: 'in_progress' }, { name: 'percent', value: '40' }, { name: 'lang', value: 'en' },
    { name: 'narrative', value: 'Under way.' }];
  return postMultipart(client, url, [...fields, file], token);
}

/** Every file under the evidence folder, temporary ones included, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(t.config.evidenceDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(t.config.evidenceDir, path.join(e.parentPath, e.name))).sort();
}

const temporaryFiles = async () => (await filesOnDisk()).filter((f) => f.startsWith(`tmp${path.sep}`));

describe('the evidence upload quota (per account, last 24 hours)', () => {
  it('takes files while they fit, counting a file sent twice once', async () => {
    const poc = await pointOfContact();
    expect((await report(poc, 1, textFile('a', 1024))).statusCode).toBe(303);
    expect((await report(poc, 2, textFile('b', 1024))).statusCode).toBe(303);
    // The same minutes for a third milestone take no more room: 2 kB used, of 3.
    expect((await report(poc, 3, textFile('a', 1024))).statusCode).toBe(303);
    expect((await report(poc, 4, textFile('c', 1024))).statusCode).toBe(303);
    expect(await t.database.db.selectFrom('evidence_files').select('sha256').execute()).toHaveLength(3);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('refuses a file past the quota with 413, naming the field in the page language, and keeps nothing of it', async () => {
    const poc = await pointOfContact();
    expect((await report(poc, 1, textFile('d', 2048))).statusCode).toBe(303);
    const before = { rows: await rowCounts(t.database.db), files: await filesOnDisk() };
    const en = await report(poc, 2, textFile('e', 1025));
    expect(en.statusCode).toBe(413);
    const message = `Evidence file: this file would take the evidence you have uploaded in the last 24 hours past the ${kilobytes('en', 3)} allowed (you have uploaded ${kilobytes('en', 2)}).`;
    // In the error summary (linking the field) and beside the field.
    expect(en.body.split(message).length - 1).toBe(2);
    expect(en.body).toContain('href="#field-file"');
    expect(en.body).toContain('Under way.</textarea>');
    const fr = await report(poc, 2, textFile('e', 1025), 'fr');
    expect(fr.statusCode).toBe(413);
    expect(fr.body).toContain(`Fichier de preuve : ce fichier porterait les preuves que vous avez envoyées ces dernières 24 heures au-delà des ${kilobytes('fr', 3)} autorisés`);
    expect(await rowCounts(t.database.db)).toEqual(before.rows);
    expect(await filesOnDisk()).toEqual(before.files);

    // A file that fits still goes; another account has its own quota; files older than 24 hours no longer count.
    expect((await report(poc, 3, textFile('f', 1024))).statusCode).toBe(303);
    expect((await report(await pointOfContact(), 2, textFile('e', 1025))).statusCode).toBe(303);
    expect((await report(poc, 2, textFile('e', 1025))).statusCode).toBe(413);
    await sql`update evidence_items set added_at = now() - interval '25 hours'
      where added_by = (select added_by from evidence_items where title = 'd.txt')`.execute(t.database.db);
    expect((await report(poc, 2, textFile('e', 1025))).statusCode).toBe(303);
  });

  it('keeps no file of a form refused for another reason, so that no stored file escapes the quota', async () => {
    const poc = await pointOfContact();
    const before = await filesOnDisk();
    const url = `/en/reporting/rounds/${roundId}/milestones/${await milestoneIdOf(t.database.db, 'KE0031', 1)}/report`;
    const token = csrfTokenIn((await poc.get(url)).body)!;
    const res = await postMultipart(poc, url, [{ name: 'status', value: 'in_progress' }, textFile('i', 1024)], token);
    expect(res.statusCode).toBe(400);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('counts two uploads sent at once against each other: one goes, the other is refused', async () => {
    const db = t.database.db;
    const account = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' });
    const poc = await signedIn(t.app, account);
    // The account's row, held here, stops each report at its first write (the report names its author), after its quota
    // was measured: without the account's quota lock, both would have measured nothing of the other and both would go.
    let letGo = () => {};
    let held = () => {};
    const holding = db.transaction().execute(async (trx) => {
      await sql`select id from accounts where id = ${account.id} for update`.execute(trx);
      held();
      await new Promise<void>((resolve) => { letGo = resolve; });
    });
    await new Promise<void>((resolve) => { held = resolve; });
    const sending = Promise.all([report(poc, 5, textFile('g', 2048)), report(poc, 6, textFile('h', 2048))]);
    try {
      await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]!.n, { timeout: 10_000 }).toBe(2);
    } finally {
      letGo();
      await holding;
    }
    expect((await sending).map((r) => r.statusCode).sort()).toEqual([303, 413]);
    expect(await temporaryFiles()).toEqual([]);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { tableContents } from '../../test/helpers/database.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import type { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { parseForm } from '../http/form.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { CreateCommitmentForm } from './commands/create-commitment.ts';

/**
 * The forms and the importers hold texts to the same limits (`TEXT_LIMITS`): what an import brings in can be saved
 * again by hand, and a text stored before the limits (longer than they allow) does not stop an edit that leaves it
 * as it is.
 */
let t: TestApp;
let admin: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  const summary = await importOgpDataset(t.database.db, OGP_DATASET_FILE, { dryRun: false });
  expect(summary.written).toBe(true);
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
});
afterAll(async () => { await t.close(); });

const TABLES = ['changes', 'commitments', 'commitment_texts', 'milestones', 'milestone_texts'];

async function storedTexts(ogpId: string, locale: string) {
  return t.database.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
    .select(['c.status', 'x.title', 'x.description']).where('c.ogp_id', '=', ogpId).where('x.locale', '=', locale).executeTakeFirstOrThrow();
}

const commitmentFields = (title: string, over: Record<string, string> = {}) => ({
  lang: 'en', title, description: '', objectives: '', statusQuo: '', ambition: '', status: '', reason: '', ...over,
});

describe('the limits of a commitment’s texts', () => {
  it('saves a status change on RO0018, whose title OGP’s dataset gives in 603 characters', async () => {
    const EDIT = '/en/commitments/RO0018/edit';
    const { title } = await storedTexts('RO0018', 'en');
    expect(title).toHaveLength(603);
    const res = await submitEdit(admin, EDIT, EDIT, commitmentFields(title, { status: 'completed' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(await storedTexts('RO0018', 'en')).toMatchObject({ status: 'completed', title });
  });

  it('keeps a stored title and description longer than the limits when the form sends them back unchanged', async () => {
    const EDIT = '/en/commitments/KE0031/edit';
    const longTitle = `${'Open data for every county. '.repeat(1429)}End.`; // 40,016 characters, as an import once brought in
    const longDescription = `${'A county publishes its budget.\n'.repeat(700)}End.`; // 21,704 characters
    await sql`update commitment_texts x set title = ${longTitle}, description = ${longDescription} from commitments c
      where c.id = x.commitment_id and c.ogp_id = 'KE0031' and x.locale = 'en'`.execute(t.database.db);
    // A browser sends a textarea's line breaks as CR LF.
    const unchanged = { description: longDescription.replaceAll('\n', '\r\n') };

    const before = await tableContents(t.database.db, TABLES);
    for (const [fields, error] of [
      [commitmentFields(`${longTitle} More.`, unchanged), 'Title: this is too long. Use at most 1,000 characters.'],
      [commitmentFields('t'.repeat(1001), unchanged), 'Title: this is too long. Use at most 1,000 characters.'],
      [commitmentFields(longTitle, { description: `${longDescription} More.` }), 'Description: this is too long. Use at most 20,000 characters.'],
      [commitmentFields(longTitle, { ...unchanged, ambition: 'a'.repeat(20_001) }), 'Ambition: this is too long. Use at most 20,000 characters.'],
    ] as const) {
      const res = await submitEdit(admin, EDIT, EDIT, fields);
      expect(res.statusCode, error).toBe(400);
      expect(res.body).toContain(error);
    }
    expect(await tableContents(t.database.db, TABLES)).toBe(before);

    const res = await submitEdit(admin, EDIT, EDIT, commitmentFields(longTitle, { ...unchanged, status: 'completed' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const saved = await storedTexts('KE0031', 'en');
    expect(saved).toMatchObject({ status: 'completed', title: longTitle });
    expect(saved.description?.replaceAll('\r\n', '\n')).toBe(longDescription);

    // A new title of the limit's length saves.
    const atLimit = 't'.repeat(1000);
    expect((await submitEdit(admin, EDIT, EDIT, commitmentFields(atLimit, unchanged))).statusCode).toBe(303);
    expect((await storedTexts('KE0031', 'en')).title).toBe(atLimit);
  });

  it('refuses a new commitment whose title is over 1,000 characters, and takes one of 1,000', () => {
    const fields = { lang: 'en', ogpId: 'KE0099', title: 't'.repeat(1001), leadInstitution: '1', start: '', end: '' };
    expect(parseForm(CreateCommitmentForm, fields)).toMatchObject({ ok: false, errors: { title: { key: 'form.error.tooLong', values: { max: 1000 } } } });
    expect(parseForm(CreateCommitmentForm, { ...fields, title: 't'.repeat(1000) })).toMatchObject({ ok: true });
    expect(parseForm(CreateCommitmentForm, { ...fields, description: 'd'.repeat(20_001) }))
      .toMatchObject({ ok: false, errors: { description: { key: 'form.error.tooLong', values: { max: 20_000 } } } });
  });
});

describe('the limit of a milestone’s text', () => {
  it('keeps a stored text longer than 5,000 characters when only the status changes, and refuses a new one', async () => {
    const EDIT = '/en/commitments/KE0031/milestones/1/edit';
    const longText = `${'Publish the county budgets. '.repeat(200)}End.`; // 5,604 characters
    await sql`update milestone_texts x set text = ${longText} from milestones m join commitments c on c.id = m.commitment_id
      where m.id = x.milestone_id and c.ogp_id = 'KE0031' and m.number = 1 and x.locale = 'en'`.execute(t.database.db);
    const milestone = () => sql<{ declared_status: string | null; text: string; start_date: string | null; end_date: string | null }>`
      select m.declared_status, x.text, m.start_date, m.end_date from milestones m join commitments c on c.id = m.commitment_id
      join milestone_texts x on x.milestone_id = m.id and x.locale = 'en' where c.ogp_id = 'KE0031' and m.number = 1`
      .execute(t.database.db).then((r) => r.rows[0]!);
    const { start_date: start, end_date: end } = await milestone();
    const fields = (over: Record<string, string>) => ({
      lang: 'en', text: longText, declaredStatus: 'ongoing', start: start?.slice(0, 7) ?? '', end: end?.slice(0, 7) ?? '', reason: '', ...over,
    });

    const refused = await submitEdit(admin, EDIT, EDIT, fields({ text: `${longText} More.` }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Milestone: this is too long. Use at most 5,000 characters.');
    expect((await milestone()).text).toBe(longText);

    const saved = await submitEdit(admin, EDIT, EDIT, fields({}));
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    expect(await milestone()).toMatchObject({ declared_status: 'ongoing', text: longText });
  });
});

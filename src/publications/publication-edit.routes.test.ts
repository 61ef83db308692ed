import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient, type Fields } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const ADMIN = '/en/admin/publications';
const NEW = `${ADMIN}/new`;
const DEMO = 'how-to-report-progress-on-a-milestone-with-evidence';
const note = (over: Record<string, string> = {}): Record<string, string> => ({
  kind: 'guidance_note', title_en: 'What counts as evidence', body_en: 'Minutes with a date.\n\nA signed letter.',
  commitments: 'KE0031', ...over,
});

/** Every row the commands could write, to show that a refused request wrote nothing. */
async function snapshot() {
  const db = t.database.db;
  const tables = ['publications', 'publication_texts', 'publication_commitments', 'publication_institutions', 'changes'];
  const rows = await Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1, 2`.execute(db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

const admin = async () => signedIn(t.app, await createAccount(t.database.db, { role: 'administrator', name: 'Amani Admin' }));
const institutionId = async (name: string) =>
  (await t.database.db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const changesOf = async (slug: string) => (await sql<{ command: string; before: Record<string, unknown>; after: Record<string, unknown>; reason: string | null; actor_id: string }>`
  select c.command, c.before, c.after, c.reason, c.actor_id from changes c join publications p on p.id = c.entity_id
  where c.entity_type = 'publication' and p.slug = ${slug} order by c.id`.execute(t.database.db)).rows;

async function create(client: WebClient, fields: Fields = note()): Promise<string> {
  const res = await client.submit(NEW, NEW, fields);
  expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
  return /\/admin\/publications\/([a-z0-9-]+)\/edit/.exec(String(res.headers.location))![1]!;
}

describe('who may write publications', () => {
  it('sends the public to sign in and writes nothing', async () => {
    const before = await snapshot();
    for (const url of [ADMIN, NEW, `${ADMIN}/${DEMO}/edit`]) {
      const res = await new WebClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
    }
    for (const url of [NEW, `${ADMIN}/${DEMO}/edit`, `${ADMIN}/${DEMO}/withdraw`]) {
      expect((await new WebClient(t.app).submit('/en/sign-in', url, { ...note(), withdrawReason: 'x' })).statusCode, url).toBe(303);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses points of contact, reviewers, researchers and accounts without a role: 403, nothing written', async () => {
    const before = await snapshot();
    for (const role of ['point_of_contact', 'civil_society_reviewer', 'irm_researcher', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of [ADMIN, NEW, `${ADMIN}/${DEMO}/edit`]) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      for (const url of [NEW, `${ADMIN}/${DEMO}/edit`, `${ADMIN}/${DEMO}/publish`, `${ADMIN}/${DEMO}/withdraw`]) {
        expect((await client.submit('/en/account', url, { ...note(), withdrawReason: 'x' })).statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a form without its CSRF token or with a wrong one: 403, nothing written', async () => {
    const client = await admin();
    const before = await snapshot();
    expect((await client.post(NEW, note())).statusCode).toBe(403);
    expect((await client.post(`${ADMIN}/${DEMO}/edit`, { ...note(), _csrf: 'wrong' })).statusCode).toBe(403);
    expect((await client.post(`${ADMIN}/${DEMO}/withdraw`, { withdrawReason: 'Out of date' })).statusCode).toBe(403);
    expect((await client.post(`${ADMIN}/${DEMO}/publish`, { _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a publication that does not exist', async () => {
    const client = await admin();
    expect((await client.get(`${ADMIN}/no-such-note/edit`)).statusCode).toBe(404);
    expect((await client.get(`${ADMIN}/Not_A_Slug/edit`)).statusCode).toBe(404);
  });
});

describe('create, edit, publish and withdraw', () => {
  it('creates a draft with its history entry; the draft is not public until published', async () => {
    const account = await createAccount(t.database.db, { role: 'administrator', name: 'Amani Admin' });
    const client = await signedIn(t.app, account);
    const author = await institutionId('Commission on Administrative Justice');
    const slug = await create(client, [...Object.entries(note()), ['author', author], ['institutions', await institutionId('Senate')]]);
    expect(slug).toBe('what-counts-as-evidence');
    const [entry, ...rest] = await changesOf(slug);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      command: 'create_publication', before: {}, actor_id: account.id,
      after: { kind: 'guidance_note', state: 'draft', commitments: ['KE0031'], institutions: ['Senate'], author: 'Commission on Administrative Justice',
        texts: { en: { title: 'What counts as evidence', body: 'Minutes with a date.\n\nA signed letter.' } } },
    });
    const page = await client.get(`${ADMIN}/${slug}/edit?notice=created`);
    expect(page.body).toContain('Draft saved. Publish it when it is ready.');
    expect(page.body).toContain('Publication created');
    expect((await new WebClient(t.app).get(`/en/guidance/${slug}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/v1/publications/${slug}`)).statusCode).toBe(404);

    const published = await client.submit(`${ADMIN}/${slug}/edit`, `${ADMIN}/${slug}/publish`, {});
    expect(published.headers.location).toBe(`${ADMIN}/${slug}/edit?notice=published`);
    const publicPage = await new WebClient(t.app).get(`/en/guidance/${slug}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('<h1 lang="en">What counts as evidence</h1>');
    expect(publicPage.body).toContain('<p>Minutes with a date.</p><p>A signed letter.</p>');
    expect((await new WebClient(t.app).get('/en/commitments/KE0031')).body).toContain(`href="/en/guidance/${slug}"`);
    expect((await changesOf(slug)).map((c) => c.command)).toEqual(['create_publication', 'publish_publication']);
  });

  it('edits only what changed, with the reason; saving it unchanged writes nothing', async () => {
    const client = await admin();
    const slug = await create(client, note({ title_en: 'Evidence for a milestone' }));
    const edit = `${ADMIN}/${slug}/edit`;
    const saved = await client.submit(edit, edit, note({ title_en: 'Evidence for a milestone', title_fr: 'Les justificatifs', body_fr: 'Un compte rendu daté.',
      commitments: 'KE0031, ke0027', reason: 'French added' }));
    expect(saved.headers.location).toBe(`${edit}?notice=saved`);
    const entry = (await changesOf(slug)).at(-1)!;
    expect(entry.command).toBe('edit_publication');
    expect(entry.reason).toBe('French added');
    expect(Object.keys(entry.after).sort()).toEqual(['commitments', 'texts']);
    expect(entry.before.commitments).toEqual(['KE0031']);
    expect(entry.after.commitments).toEqual(['KE0027', 'KE0031']);
    const before = await snapshot();
    const again = await client.submit(edit, edit, note({ title_en: 'Evidence for a milestone', title_fr: 'Les justificatifs', body_fr: 'Un compte rendu daté.',
      commitments: 'KE0027 KE0031' }));
    expect(again.headers.location).toBe(`${edit}?notice=unchanged`);
    expect(await snapshot()).toBe(before);
  });

  it('withdraws with a reason: the public address answers 410 with it; publishing again keeps the first date', async () => {
    const client = await admin();
    const slug = await create(client);
    await client.submit(`${ADMIN}/${slug}/edit`, `${ADMIN}/${slug}/publish`, {});
    await t.database.db.updateTable('publications').set({ published_on: '2021-03-04' }).where('slug', '=', slug).execute();
    const withdrawn = await client.submit(`${ADMIN}/${slug}/edit`, `${ADMIN}/${slug}/withdraw`, { withdrawReason: 'Replaced by the 2022 note' });
    expect(withdrawn.headers.location).toBe(`${ADMIN}/${slug}/edit?notice=withdrawn`);
    const gone = await new WebClient(t.app).get(`/fr/guidance/${slug}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Replaced by the 2022 note');
    expect(gone.body).not.toContain('Minutes with a date.');
    expect((await new WebClient(t.app).get('/en/guidance')).body).not.toContain(`/en/guidance/${slug}"`);
    expect((await t.app.inject(`/api/v1/publications/${slug}`)).statusCode).toBe(404);
    const entry = (await changesOf(slug)).at(-1)!;
    expect(entry).toMatchObject({ command: 'withdraw_publication', before: { state: 'published' }, after: { state: 'withdrawn' }, reason: 'Replaced by the 2022 note' });
    await client.submit(`${ADMIN}/${slug}/edit`, `${ADMIN}/${slug}/publish`, {});
    const row = await t.database.db.selectFrom('publications').select(['state', 'published_on', 'withdrawn_reason']).where('slug', '=', slug).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'published', published_on: '2021-03-04', withdrawn_reason: null });
  });

  it('gives a second publication with the same title its own address', async () => {
    const client = await admin();
    const first = await create(client, note({ title_en: 'Same title' }));
    const second = await create(client, note({ title_en: 'Same title' }));
    expect([first, second]).toEqual(['same-title', 'same-title-2']);
  });
});

describe('bad input', () => {
  const refused: [string, Record<string, string>, RegExp][] = [
    ['kind', note({ kind: 'manifesto' }), /Kind: this value is not valid/],
    ['kind', note({ kind: '' }), /Kind: this field is required/],
    ['title_en', note({ title_en: '' }), /Title in English: give this text a title, or remove the text/],
    ['body_en', note({ body_en: '' }), /Text in English: write the text that goes with this title/],
    ['title_en', note({ title_en: '', body_en: '', commitments: '' }), /Title in English: write a title and a text in at least one language/],
    ['title_fr', note({ title_fr: 'x'.repeat(201), body_fr: 'Texte' }), /Title in French: this is too long. Use at most 200 characters/],
    ['body_sw', note({ title_sw: 'Kichwa', body_sw: 'x'.repeat(20_001) }), /Text in Swahili: this is too long. Use at most 20,000 characters/],
    ['commitments', note({ commitments: 'KE0031, not an id' }), /Commitments it is about: write OGP IDs such as KE0031/],
    ['commitments', note({ commitments: 'KE9999' }), /Commitments it is about: no commitment has the OGP ID KE9999/],
    ['institutions', note({ institutions: '999999999' }), /Institutions it is about: this value is not valid/],
    ['institutions', note({ institutions: 'abc' }), /Institutions it is about: this value is not valid/],
    ['author', note({ author: '999999999' }), /Written by: this value is not valid/],
    ['reason', note({ reason: 'x'.repeat(2001) }), /Reason.*: this is too long/],
  ];

  it('refuses each bad field of a new publication, naming it and keeping what was typed; nothing written', async () => {
    const client = await admin();
    const before = await snapshot();
    for (const [field, fields, message] of refused) {
      const res = await client.submit(NEW, NEW, fields);
      expect(res.statusCode, field).toBe(400);
      expect(res.body, field).toMatch(message);
      expect(res.body, field).toContain(`href="#field-${field}"`);
      expect(res.body, field).toContain('<title>Error: ');
      if (fields.title_en) expect(res.body, field).toContain(`value="${fields.title_en}"`);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses the same in an edit, and a withdrawal without a reason; nothing written', async () => {
    const client = await admin();
    const edit = `${ADMIN}/${DEMO}/edit`;
    const before = await snapshot();
    for (const [field, fields, message] of refused) {
      const res = await client.submit(edit, edit, fields);
      expect(res.statusCode, field).toBe(400);
      expect(res.body, field).toMatch(message);
    }
    const res = await client.submit(edit, `${ADMIN}/${DEMO}/withdraw`, { withdrawReason: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Reason for withdrawing: this field is required.');
    expect(await snapshot()).toBe(before);
  });
});

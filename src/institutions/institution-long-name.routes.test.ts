import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { slugify } from '../text/slugify.ts';

// OGP's dataset has institution cells of 1,500 characters (several names an importer could not split): their slugs
// are as long, and their pages and API records must open like any other.
const LONG_NAME = Array.from({ length: 40 }, (_, i) => `Ministry of Internally Displaced Persons ${i}`).join(' and ');
const LONG_SLUG = slugify(LONG_NAME);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const kenya = await t.database.db.selectFrom('members').select('id').where('slug', '=', 'kenya').executeTakeFirstOrThrow();
  const commitment = await t.database.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow();
  for (const [i, name] of [LONG_NAME, `${LONG_NAME} bis`].entries()) {
    const institution = await t.database.db.insertInto('institutions').values({ member_id: kenya.id, slug: slugify(name), name, kind: 'ministry' })
      .returning('id').executeTakeFirstOrThrow();
    // The API list offers only institutions with a commitment, as such a cell's always has.
    await t.database.db.insertInto('commitment_institutions')
      .values({ commitment_id: commitment.id, institution_id: institution.id, role: 'supporting', actor_group: 'government', position: 100 + i }).execute();
  }
});
afterAll(async () => { await t.close(); });

describe('an institution with a very long name', () => {
  it('has its page and its API record', async () => {
    expect(LONG_SLUG.length).toBeGreaterThan(1500);
    const page = await t.app.inject(`/en/members/kenya/institutions/${LONG_SLUG}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ministry of Internally Displaced Persons 39');
    const record = await t.app.inject(`/api/v1/institutions/kenya/${LONG_SLUG}`);
    expect(record.statusCode).toBe(200);
    expect(record.json().name).toBe(LONG_NAME);
  });

  it('can be paged past in the API list, whose cursor then holds its slug', async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject(`/api/v1/institutions?member=kenya&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const body = res.json() as { data: { slug: string }[]; nextCursor: string | null };
      walked.push(...body.data.map((i) => i.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toContain(LONG_SLUG);
    expect(walked).toContain(`${LONG_SLUG}-bis`);
  });
});

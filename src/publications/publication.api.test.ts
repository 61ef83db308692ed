import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { demoPublications } from '../demo/demo-publications.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const [NOTE, STORY] = demoPublications.map((p) => p.slug) as [string, string];
const json = async (url: string, status = 200) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBe(status);
  return res.json();
};

describe('GET /api/v1/publications', () => {
  it('lists the published ones newest first with their titles in every language, filtered by kind', async () => {
    expect(await json('/api/v1/publications')).toEqual({
      data: [
        { slug: STORY, kind: 'story', publishedOn: '2022-01-20', titles: { en: expect.any(String), sw: expect.any(String) } },
        { slug: NOTE, kind: 'guidance_note', publishedOn: '2021-07-01',
          titles: { en: 'How to report progress on a milestone, with evidence', fr: expect.stringContaining('Comment rendre compte') } },
      ],
      nextCursor: null, total: 2,
    });
    expect((await json('/api/v1/publications?kind=story')).data.map((p: { slug: string }) => p.slug)).toEqual([STORY]);
  });

  it('pages with a cursor, leaving out drafts and withdrawn ones', async () => {
    await t.database.db.insertInto('publications').values([
      { slug: 'a-draft', kind: 'story' },
      { slug: 'withdrawn-one', kind: 'story', state: 'withdrawn', published_on: '2023-01-01', withdrawn_reason: 'Out of date' },
    ]).execute();
    const first = await json('/api/v1/publications?limit=1');
    expect(first.data.map((p: { slug: string }) => p.slug)).toEqual([STORY]);
    expect(first.total).toBe(2);
    const second = await json(`/api/v1/publications?limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ data: [{ slug: NOTE }], nextCursor: null });
    await json(`/api/v1/publications?kind=story&limit=1&cursor=${first.nextCursor}`, 400);
  });

  it('refuses a kind or limit that is not one, naming the parameter', async () => {
    expect((await json('/api/v1/publications?kind=manifesto', 400)).error).toMatchObject({ code: 'invalid_input', field: 'kind' });
    expect((await json('/api/v1/publications?limit=0', 400)).error).toMatchObject({ code: 'invalid_input', field: 'limit' });
  });
});

describe('GET /api/v1/publications/{slug}', () => {
  it('gives the story with its texts, author, commitments and institutions', async () => {
    const story = await json(`/api/v1/publications/${STORY}`);
    expect(story).toMatchObject({
      slug: STORY, kind: 'story', publishedOn: '2022-01-20',
      author: { member: 'kenya', slug: 'commission-on-administrative-justice', name: 'Commission on Administrative Justice' },
      commitments: ['KE0031'],
      institutions: [
        { member: 'kenya', slug: 'commission-on-administrative-justice', name: 'Commission on Administrative Justice' },
        { member: 'kenya', slug: 'office-of-the-deputy-president', name: 'Office of the Deputy President' },
      ],
    });
    expect(Object.keys(story.texts).sort()).toEqual(['en', 'sw']);
    expect(story.texts.en.body).toContain('\n\n');
    expect((await json(`/api/v1/publications/${NOTE}`)).author).toBeNull();
  });

  it('answers 404 for a draft, a withdrawn one and an unknown one, 400 for a malformed slug', async () => {
    for (const slug of ['a-draft', 'withdrawn-one', 'nothing-here']) {
      expect((await json(`/api/v1/publications/${slug}`, 404)).error.code).toBe('not_found');
    }
    expect((await json('/api/v1/publications/Bad_Slug', 400)).error).toMatchObject({ code: 'invalid_input', field: 'slug' });
  });
});

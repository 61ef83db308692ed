import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveApiTestCommitments } from '../../test/helpers/api-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveApiTestCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

type Institutions = { data: { member: { slug: string }; slug: string }[]; nextCursor: string | null; total: number };
const names = (body: Institutions) => body.data.map((i) => `${i.member.slug}:${i.slug}`);

describe('GET /api/v1/institutions', () => {
  it('lists institutions by member then slug, filtered by member and kind', async () => {
    const res = await t.app.inject('/api/v1/institutions?member=uganda&member=tarime');
    expect(res.statusCode).toBe(200);
    const body: Institutions = res.json();
    expect(names(body)).toEqual(['tarime:budget-watch', 'tarime:ministry-of-finance', 'uganda:budget-watch', 'uganda:ministry-of-finance']);
    expect(body.data[3]).toEqual({
      member: { slug: 'uganda', name: 'Uganda' }, slug: 'ministry-of-finance', name: 'Ministry of Finance', kind: 'ministry',
      commitmentCounts: { lead: 2, supporting: 0 },
    });
    const ministries: Institutions = (await t.app.inject('/api/v1/institutions?kind=ministry&kind=parliament')).json();
    expect(ministries.data.every((i) => ['ministry', 'parliament'].includes((i as unknown as { kind: string }).kind))).toBe(true);
    expect(names(ministries)).toContain('kenya:senate');
  });

  it('walks every institution once with limit=1', async () => {
    const all: Institutions = (await t.app.inject('/api/v1/institutions?limit=100')).json();
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Institutions = (await t.app.inject(`/api/v1/institutions?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...names(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(names(all));
    expect(walked).toHaveLength(all.total);
  });

  it('answers a bad kind with 400 naming it', async () => {
    const res = await t.app.inject('/api/v1/institutions?kind=club');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'kind' });
  });
});

describe('GET /api/v1/institutions/{member}/{slug}', () => {
  it('gives the institution and the commitments it leads or supports', async () => {
    const res = await t.app.inject('/api/v1/institutions/kenya/judiciary');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: 'judiciary', kind: 'judiciary', commitmentCounts: { lead: 0, supporting: 1 },
      commitments: [{ ogpId: 'KE0031', role: 'supporting', actorGroup: 'government' }],
    });
  });

  it('answers an unknown institution with 404 and a malformed slug with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/institutions/uganda/judiciary')).statusCode).toBe(404);
    const bad = await t.app.inject('/api/v1/institutions/kenya/The%20Judiciary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'slug' });
  });
});

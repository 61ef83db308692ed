import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveApiTestCommitments } from '../../test/helpers/api-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveApiTestCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

describe('GET /api/v1/members', () => {
  it('lists members by slug, with counts, in pages', async () => {
    const res = await t.app.inject('/api/v1/members');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.data.map((m: { slug: string }) => m.slug)).toEqual(['kenya', 'tarime', 'uganda']);
    expect(body.data[0]).toEqual({
      slug: 'kenya', name: 'Kenya', kind: 'national', ogpPrefix: 'KE', isoAlpha2: 'KE', code: 'KEN', actionPlanCount: 1, commitmentCount: 4,
    });
    const first = (await t.app.inject('/api/v1/members?limit=2')).json();
    expect(first.data).toHaveLength(2);
    const second = (await t.app.inject(`/api/v1/members?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ data: [{ slug: 'uganda' }], nextCursor: null, total: 3 });
  });

  it('filters by kind', async () => {
    const body = (await t.app.inject('/api/v1/members?kind=local')).json();
    expect(body.data.map((m: { slug: string }) => m.slug)).toEqual(['tarime']);
    expect(body.total).toBe(1);
  });

  it('answers a bad kind with 400 naming it', async () => {
    const res = await t.app.inject('/api/v1/members?kind=planet');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'kind' });
  });
});

describe('GET /api/v1/members/{slug}', () => {
  it('gives the member with its action plans', async () => {
    const res = await t.app.inject('/api/v1/members/uganda');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^W\//);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'uganda', actionPlanCount: 2, commitmentCount: 2 });
    expect(body.actionPlans.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(body.actionPlans[0]).toEqual({
      member: { slug: 'uganda', name: 'Uganda' }, number: 1, ogpPlanId: 'AP_UGA01', submissionYear: 2012, startYear: 2012,
      endYear: 2014, commitmentCount: 1,
    });
  });

  it('answers an unknown member with 404 and a malformed slug with 400 naming it', async () => {
    const missing = await t.app.inject('/api/v1/members/atlantis');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'member atlantis not found' } });
    const bad = await t.app.inject('/api/v1/members/Not_A_Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'slug' });
  });
});

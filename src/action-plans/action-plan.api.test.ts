import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveApiTestCommitments } from '../../test/helpers/api-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveApiTestCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

const plans = (body: { data: { member: { slug: string }; number: number }[] }) => body.data.map((p) => `${p.member.slug}:${p.number}`);

describe('GET /api/v1/action-plans', () => {
  it('lists plans by member then number, filtered by member, one page after another', async () => {
    const all = (await t.app.inject('/api/v1/action-plans')).json();
    expect(plans(all)).toEqual(['kenya:4', 'tarime:1', 'uganda:1', 'uganda:2']);
    expect(all.total).toBe(4);
    const filtered = (await t.app.inject('/api/v1/action-plans?member=uganda&member=tarime')).json();
    expect(plans(filtered)).toEqual(['tarime:1', 'uganda:1', 'uganda:2']);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { data: { member: { slug: string }; number: number }[]; nextCursor: string | null } = (await t.app.inject(`/api/v1/action-plans?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...plans(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(plans(all));
  });

  it('answers a malformed member with 400 naming it', async () => {
    const res = await t.app.inject('/api/v1/action-plans?member=KENYA');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'member' });
  });
});

describe('GET /api/v1/members/{slug}/action-plans', () => {
  it('lists the plans of one member, and 404 for an unknown one', async () => {
    const res = await t.app.inject('/api/v1/members/uganda/action-plans?limit=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(plans(body)).toEqual(['uganda:1']);
    expect(body.total).toBe(2);
    const next = (await t.app.inject(`/api/v1/members/uganda/action-plans?limit=1&cursor=${body.nextCursor}`)).json();
    expect(plans(next)).toEqual(['uganda:2']);
    expect(next.nextCursor).toBeNull();
    expect((await t.app.inject('/api/v1/members/atlantis/action-plans')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/action-plans/{member}/{number}', () => {
  it('gives the plan and its commitments, titles in the language asked for', async () => {
    const res = await t.app.inject('/api/v1/action-plans/kenya/4?locale=fr');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ member: { slug: 'kenya' }, number: 4, ogpPlanId: 'AP_KEN04', commitmentCount: 4 });
    expect(body.commitments.map((c: { ogpId: string }) => c.ogpId)).toEqual(['KE0024', 'KE0025', 'KE0027', 'KE0031']);
    expect(body.commitments[3]).toMatchObject({ titleLocale: 'fr', milestoneCount: 7 });
    expect(body.commitments[0]).toMatchObject({ titleLocale: 'en', leadInstitutions: ['National Treasury'] });
  });

  it('answers an unknown plan with 404 and a bad number with 400 naming it', async () => {
    const missing = await t.app.inject('/api/v1/action-plans/kenya/9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    for (const [url, field] of [['/api/v1/action-plans/kenya/four', 'number'], ['/api/v1/action-plans/kenya/100', 'number'],
      ['/api/v1/action-plans/kenya/4?locale=xx', 'locale']]) {
      const res = await t.app.inject(url!);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_input', field });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveApiTestCommitments } from '../../test/helpers/api-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveApiTestCommitments(t.database.db);
});
afterAll(async () => { await t.close(); });

type Milestones = { data: { commitment: string; number: number }[]; nextCursor: string | null; total: number };
const ids = (body: Milestones) => body.data.map((m) => `${m.commitment}#${m.number}`);
async function list(query: string): Promise<Milestones> {
  const res = await t.app.inject(`/api/v1/milestones?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/milestones', () => {
  it('lists milestones by commitment then number, with texts and dates as precise as their source', async () => {
    const all = await list('limit=100');
    expect(all.total).toBe(10);
    expect(ids(all)).toEqual([...[1, 2, 3, 4, 5, 6, 7].map((n) => `KE0031#${n}`), 'UG0002#1', 'UG0002#2', 'UG0002#3']);
    expect(all.data[7]).toEqual({
      commitment: 'UG0002', member: 'uganda', number: 1, declaredStatus: 'ongoing', start: null,
      end: { date: '2017-07-01', precision: 'quarter', raw: 'Q3 2017' }, texts: { en: 'Draft the budget law' },
    });
  });

  it('walks every milestone once with limit=1', async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Milestones = await list(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids(await list('limit=100')));
  });

  it('filters by commitment, member and declared status', async () => {
    expect(ids(await list('commitment=ug0002'))).toEqual(['UG0002#1', 'UG0002#2', 'UG0002#3']);
    expect(ids(await list('member=uganda&status=new'))).toEqual(['UG0002#2']);
    expect((await list('status=ongoing&status=new')).total).toBe(9);
    expect((await list('member=kenya&member=uganda&commitment=KE0031')).total).toBe(7);
  });

  it('keeps milestones whose end period overlaps the end-date range', async () => {
    expect(ids(await list('endFrom=2017-09-15&endTo=2017-12-31'))).toEqual(['UG0002#1']);
    expect(ids(await list('member=uganda&endFrom=2017-10-01'))).toEqual(['UG0002#2']);
    expect(ids(await list('endFrom=2018-06-01&endTo=2018-12-31'))).toEqual(['UG0002#2']);
    expect((await list('endFrom=2022-05-01&endTo=2022-05-31')).total).toBe(4);
    expect((await list('endFrom=&endTo=')).total).toBe(10);
  });

  it.each([
    ['endFrom=2018-01-01&endTo=2017-01-01', 'endFrom'], ['endTo=2018-13-01', 'endTo'], ['status=done', 'status'],
    ['commitment=123', 'commitment'], ['limit=-1', 'limit'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const res = await t.app.inject(`/api/v1/milestones?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field });
  });
});

describe('GET /api/v1/commitments/{id}/milestones', () => {
  it('lists one commitment\'s milestones, filtered and paged', async () => {
    const res = await t.app.inject('/api/v1/commitments/ke0031/milestones?status=ongoing');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.every((m: { commitment: string; declaredStatus: string }) => m.commitment === 'KE0031' && m.declaredStatus === 'ongoing')).toBe(true);
    const first = (await t.app.inject('/api/v1/commitments/KE0031/milestones?limit=5')).json();
    expect(first.data).toHaveLength(5);
    const rest = (await t.app.inject(`/api/v1/commitments/KE0031/milestones?limit=5&cursor=${first.nextCursor}`)).json();
    expect(rest.data.map((m: { number: number }) => m.number)).toEqual([6, 7]);
    expect(rest.nextCursor).toBeNull();
  });

  it('answers an unknown commitment with 404 and a malformed id with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/commitments/KE9999/milestones')).json()).toEqual({ error: { code: 'not_found', message: 'commitment KE9999 not found' } });
    const bad = await t.app.inject('/api/v1/commitments/123/milestones');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'id' });
  });
});

describe('GET /api/v1/commitments/{id}/milestones/{number}', () => {
  it('gives one milestone', async () => {
    const res = await t.app.inject('/api/v1/commitments/UG0002/milestones/2');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ commitment: 'UG0002', number: 2, end: { precision: 'year', raw: '2018' } });
  });

  it('answers an unknown milestone with 404 and a bad number with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/commitments/UG0002/milestones/9')).statusCode).toBe(404);
    const bad = await t.app.inject('/api/v1/commitments/UG0002/milestones/first');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'number' });
  });
});

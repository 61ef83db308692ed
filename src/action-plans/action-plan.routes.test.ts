import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /{locale}/members/{slug}/action-plans/{number}', () => {
  it('lists the commitments in plan order with lead institutions and milestone counts', async () => {
    const res = await t.app.inject('/en/members/kenya/action-plans/4');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('AP_KEN04');
    const order = ['KE0024', 'KE0025', 'KE0027', 'KE0031'].map((id) => res.body.indexOf(`/en/commitments/${id}`));
    expect(order.every((position, i) => position > 0 && (i === 0 || position > order[i - 1]!))).toBe(true);
    expect(res.body).toContain('Office of the Deputy President and Commission on Administrative Justice');
  });

  it('answers an unknown or malformed plan number with a 404 page', async () => {
    for (const url of ['/en/members/kenya/action-plans/9', '/en/members/kenya/action-plans/four', '/en/members/nowhere/action-plans/4']) {
      expect((await t.app.inject(url)).statusCode).toBe(404);
    }
  });
});

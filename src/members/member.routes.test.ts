import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /{locale}/members/{slug}', () => {
  it("lists the member's action plans with their commitment counts", async () => {
    const res = await t.app.inject('/es/members/kenya');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/es/members/kenya/action-plans/4"');
    expect(res.body).toContain('KEN');
  });

  it('answers an unknown member with a 404 page', async () => {
    const res = await t.app.inject('/es/members/atlantis');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="es">');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from './account.factories.ts';
import { countedAddress, LIMITS } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const signIn = (ip: string, email: string, password: string) =>
  new WebClient(t.app, ip).submit('/en/sign-in', '/en/sign-in', { email, password });

describe('the per-IP sign-in limit over IPv6', () => {
  // Each failure came from another address of the same /64, which one computer can hold: the per-IP limit counted
  // every address alone, and never stopped a guesser who changed address at each try.
  it('counts a /64 as one address: a guesser who changes address inside it is stopped', async () => {
    for (let i = 1; i <= LIMITS.sign_in.perIp; i += 1) {
      const res = await signIn(`2001:db8:7:1::${i.toString(16)}`, `someone-${i}@example.org`, 'not the password');
      expect(res.statusCode).toBe(401);
    }
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    expect((await signIn('2001:db8:7:1:abcd:1234:5678:9abc', account.email, account.password)).statusCode).toBe(429);
    // The next /64 is someone else.
    expect((await signIn('2001:db8:7:2::1', account.email, account.password)).statusCode).toBe(303);
  });

  it('counts an IPv4 address the same however the socket writes it', async () => {
    for (let i = 1; i <= LIMITS.sign_in.perIp; i += 1) {
      const ip = i % 2 === 0 ? '203.0.113.9' : '::ffff:203.0.113.9';
      expect((await signIn(ip, `other-${i}@example.org`, 'not the password')).statusCode).toBe(401);
    }
    const account = await createAccount(t.database.db, { role: 'irm_researcher' });
    expect((await signIn('203.0.113.9', account.email, account.password)).statusCode).toBe(429);
  });

  it('keeps what is not an address as it is (a socket that has gone reports none)', () => {
    expect(countedAddress('')).toBe('');
    expect(countedAddress('not an address')).toBe('not an address');
    expect(countedAddress('2001:db8:7:1:ffff:ffff:ffff:ffff')).toBe('2001:db8:7:1::/64');
    expect(countedAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
});

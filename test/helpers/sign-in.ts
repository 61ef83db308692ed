import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { totpCode, type TestAccount } from '../../src/accounts/account.factories.ts';
import { WebClient } from './web-client.ts';

/** A WebClient signed in as `account` (with its TOTP code when it has one). */
export async function signedIn(app: FastifyInstance, account: TestAccount, options: { ip?: string; locale?: string } = {}): Promise<WebClient> {
  const locale = options.locale ?? 'en';
  const client = new WebClient(app, options.ip ?? '127.0.0.1');
  const res = await client.submit(`/${locale}/sign-in`, `/${locale}/sign-in`, { email: account.email, password: account.password });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  if (account.totpSecret) {
    const second = await client.submit(`/${locale}/sign-in/two-factor`, `/${locale}/sign-in/two-factor`, { code: totpCode(account.totpSecret) });
    expect(second.statusCode, second.body.slice(0, 2000)).toBe(303);
  }
  return client;
}

import { describe, expect, it } from 'vitest';
import { hashPassword, PasswordSchema, verifyNothing, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('are hashed with argon2id (v19, 19 MiB, 2 passes, 1 lane) and a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(a, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(await verifyNothing('anything')).toBe(false);
  });

  it('must be 12 to 500 characters, of any kind', () => {
    expect(PasswordSchema.safeParse('short').success).toBe(false);
    expect(PasswordSchema.safeParse('twelve chars').success).toBe(true);
    expect(PasswordSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });
});

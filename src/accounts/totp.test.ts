import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { groupSecret, newTotpSecret, totpStep, totpUri } from './totp.ts';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const code = (at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
  const now = Date.UTC(2026, 0, 1, 12, 0, 10);

  it('makes a 160-bit secret and the otpauth URI apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'asha@example.org')).toBe(`otpauth://totp/Ahadi:asha%40example.org?issuer=Ahadi&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect(groupSecret('ABCDEFGH')).toBe('ABCD EFGH');
  });

  it('accepts the code of this step or of the steps next to it, and says which step', () => {
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, code(now), now)).toBe(step);
    expect(totpStep(secret, code(now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, code(now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, code(now - 90_000), now)).toBeNull();
    expect(totpStep(secret, `${code(now).slice(0, 3)} ${code(now).slice(3)}`, now)).toBe(step);
    expect(totpStep(secret, 'abcdef', now)).toBeNull();
  });
});

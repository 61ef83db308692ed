import { Secret, TOTP } from 'otpauth';

/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 seconds, the settings every authenticator app reads). A code
 * is accepted one step early or late (clock drift); each step is accepted once per account (see second-factor.ts).
 */
const PERIOD = 30;
export const TOTP_CODE = /^[0-9]{6}$/;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads (typed in, or from a QR code of it). */
export function totpUri(secret: string, email: string): string {
  return new TOTP({ issuer: 'Ahadi', label: email, secret: Secret.fromBase32(secret), period: PERIOD }).toString();
}

/** The time step a code belongs to, or null when the code is wrong. */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const normalized = code.replace(/\s+/g, '');
  if (!TOTP_CODE.test(normalized)) return null;
  const delta = TOTP.validate({ token: normalized, secret: Secret.fromBase32(secret), period: PERIOD, window: 1, timestamp: now });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** The secret grouped by four characters, easier to type into an app by hand. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim();

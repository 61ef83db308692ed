import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * Passwords are hashed with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane); the PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) records the parameters, so they can be raised later.
 */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** At least 12 characters, no rules on their kind (NIST SP 800-63B); long passphrases are welcome. */
export const PasswordSchema = z.string({ error: 'form.error.required' })
  .min(1, 'form.error.required').min(12, 'form.error.passwordTooShort').max(500, 'form.error.tooLong');

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Spends the time a real check takes, so an unknown e-mail address answers as slowly as a wrong password. */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await decoy, password);
  return false;
}

/** A password for an account made by the machine (demo accounts): 24 characters, 144 random bits. */
export const randomPassword = (): string => randomBytes(18).toString('base64url');

import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets that travel in cookies and links (sessions, invitations, password resets): 256 random bits, stored only
 * as their SHA-256 digest, so reading the database opens no session and accepts no invitation.
 */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

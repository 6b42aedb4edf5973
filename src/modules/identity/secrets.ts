import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex: what is stored for session and API tokens (high-entropy secrets need no slow KDF). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The session cookie's value: 32 random bytes. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The per-session CSRF token forms carry. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `gk_` + 32 random bytes base64url; the prefix lets secret scanners recognise leaked tokens. */
export function newApiToken(): string {
  return `gk_${randomBytes(32).toString('base64url')}`;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Time-ordered random identifiers (ULID layout, lower-case Crockford base32): unique across
 * app instances without a central counter, and sortable by creation time.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (const b of bytes) random += ALPHABET[b % 32];
  return time + random;
}

export function isId(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-hjkmnp-tv-z]{26}$/.test(text);
}

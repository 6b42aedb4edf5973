import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the 32-byte key comes from: GONGKAI_SECRET_KEY (hex or base64), else a key file in DATA_DIR. */
export const SECRET_KEY_ENV = 'GONGKAI_SECRET_KEY';
export const SECRET_KEY_FILE = 'secret.key';

const VERSION = 'v1';

/** Reads a 32-byte key given as 64 hex characters or as base64; throws on anything else. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${SECRET_KEY_ENV} must be 32 bytes (64 hex characters or base64)`);
  return key;
}

/** The key file is created on first use with mode 0600; a concurrent creator wins and its key is read back. */
function keyFromFile(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseSecretKey(readFileSync(path, 'utf8'));
}

/**
 * Identity numbers at rest (issue 4: "encrypted at rest and masked on every screen and export"): AES-256-GCM with
 * the record id as associated data, so a ciphertext cannot be moved to another record; a keyed hash (HMAC-SHA256,
 * separate derived key) lets duplicates be found without decrypting. The key is loaded lazily, on first use.
 */
export class IdentityVault {
  #keys: { encryption: Buffer; hashing: Buffer } | undefined;

  constructor(private readonly source: { dataDir: string; env?: NodeJS.ProcessEnv }) {}

  private keys(): { encryption: Buffer; hashing: Buffer } {
    if (!this.#keys) {
      const configured = (this.source.env ?? process.env)[SECRET_KEY_ENV];
      const master = configured ? parseSecretKey(configured) : keyFromFile(this.source.dataDir);
      const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
      this.#keys = { encryption: derive('gongkai foi identity encryption'), hashing: derive('gongkai foi identity hash') };
    }
    return this.#keys;
  }

  encrypt(plain: string, recordId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys().encryption, iv);
    cipher.setAAD(Buffer.from(recordId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string, recordId: string): string {
    const [version, data] = stored.split(':');
    if (version !== VERSION || !data) throw new Error('unknown identity cipher format');
    const bytes = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.keys().encryption, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(recordId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash of an identity key (never reversible without the secret). */
  hash(text: string): string {
    return createHmac('sha256', this.keys().hashing).update(text, 'utf8').digest('hex');
  }
}

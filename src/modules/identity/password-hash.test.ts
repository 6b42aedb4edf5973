import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';

describe('password hashing (scrypt)', () => {
  it('encodes parameters, a 16-byte salt and a 32-byte key', async () => {
    const encoded = await hashPassword('chunjie-2026');
    const [scheme, N, r, p, salt, hash] = encoded.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(encoded).not.toContain('chunjie');
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword('chunjie-2026')).not.toBe(await hashPassword('chunjie-2026'));
  });

  it('verifies the right password only', async () => {
    const encoded = await hashPassword('政务公开平台登录密码');
    expect(await verifyPassword('政务公开平台登录密码', encoded)).toBe(true);
    expect(await verifyPassword('政务公开平台登录密玛', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('verifies hashes made with older parameters and asks for a rehash', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('chunjie-2026', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifyPassword('chunjie-2026', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('chunjie-2026'))).toBe(false);
  });

  it.each(['', 'plain-text', 'bcrypt$10$abc', 'scrypt$1048577$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$32768$8$1$$'])('never matches the malformed hash %j', async (encoded) => {
    expect(await verifyPassword('chunjie-2026', encoded)).toBe(false);
    expect(needsRehash(encoded)).toBe(true);
  });
});

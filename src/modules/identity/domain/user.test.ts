import { describe, expect, it } from 'vitest';
import { isUsername, normaliseUsername, validateUserInput } from './user.ts';

describe('usernames', () => {
  it.each(['wangfang', 'wang.fang', 'zhang_san-2', 'a01', '2026001'])('accepts %s', (name) => {
    expect(isUsername(name)).toBe(true);
  });
  it.each(['ab', '.wang', 'wang fang', '王芳', 'WangFang', 'a'.repeat(33), ''])('refuses %j', (name) => {
    expect(isUsername(name)).toBe(false);
  });
  it('are compared case-insensitively', () => {
    expect(normaliseUsername('  WangFang ')).toBe('wangfang');
  });
});

describe('validateUserInput', () => {
  const good = { username: 'WangFang', displayName: ' 王芳 ', role: 'editor', organCode: ' ', unitName: '办公室', password: 'chunjie-2026' };

  it('normalises a good input', () => {
    expect(validateUserInput(good)).toEqual({
      ok: true,
      value: { username: 'wangfang', displayName: '王芳', role: 'editor', organCode: undefined, unitName: '办公室', password: 'chunjie-2026' },
    });
  });

  it('reports every problem beside its field', () => {
    expect(validateUserInput({ username: 'w f', displayName: '', role: 'boss', password: '123' })).toEqual({
      ok: false,
      errors: { username: 'invalid-username', displayName: 'required', role: 'invalid-role', password: 'password-too-short' },
    });
  });

  it('compares the password with the normalised username', () => {
    expect(validateUserInput({ ...good, username: 'Zhang.San.2026', password: 'zhang.san.2026' })).toEqual({ ok: false, errors: { password: 'password-equals-username' } });
  });

  it('asks for a role when none is chosen', () => {
    expect(validateUserInput({ ...good, role: '' })).toEqual({ ok: false, errors: { role: 'required' } });
  });
});

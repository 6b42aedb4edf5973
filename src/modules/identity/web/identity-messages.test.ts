import { describe, expect, it } from 'vitest';
import { hasMessage, message } from '../../../web/messages.ts';
import './identity-messages.ts';

/** Every code the identity module can put in front of people (domain, service, routes). */
const CODES = [
  // sign-in
  'invalid-credentials',
  'too-many-login-attempts',
  // user fields
  'required',
  'too-long',
  'invalid-username',
  'username-taken',
  'invalid-role',
  'password-too-short',
  'password-too-long',
  'password-all-digits',
  'password-equals-username',
  'wrong-current-password',
  'unknown-organ',
  'no-main-organ',
  'unknown-unit',
  // organs and units
  'invalid-credit-code',
  'invalid-organ-code',
  'organ-code-mismatch',
  'invalid-site-id-code',
  'organ-code-taken',
  'main-organ-exists',
  'unit-name-taken',
  // lookups and refusals
  'user-not-found',
  'user-disabled',
  'cannot-disable-self',
  'token-not-found',
  'organ-not-found',
  'invalid-sort-order',
  'password-confirmation-mismatch',
  'forbidden',
  'invalid-token',
  // notices
  'user-created',
  'organ-created',
  'unit-created',
  'user-was-disabled',
  'user-was-enabled',
  'password-was-reset',
  'password-was-changed',
  'token-revoked',
  'signed-out',
];

describe('identity messages', () => {
  it.each(CODES)('%s has a Chinese message', (code) => {
    expect(hasMessage(code)).toBe(true);
    expect(message(code)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never says which part of the credentials was wrong', () => {
    expect(message('invalid-credentials')).toBe('用户名或密码错误。');
  });
});

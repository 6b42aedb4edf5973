import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it.each([
    ['', 'wangfang', 'required'],
    ['abc12345', 'wangfang', 'password-too-short'],
    ['abcdefgh9', 'wangfang', 'password-too-short'],
    ['1234567890', 'wangfang', 'password-all-digits'],
    ['13912345678', 'wangfang', 'password-all-digits'],
    ['wangfang2026', 'wangfang2026', 'password-equals-username'],
    ['WangFang2026', 'wangfang2026', 'password-equals-username'],
    ['x'.repeat(201), 'wangfang', 'password-too-long'],
    // Nine Chinese characters are nine characters, not 27 UTF-8 bytes.
    ['政务公开平台的密码', 'wangfang', 'password-too-short'],
  ])('%j for %s is %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it.each([
    ['abcdefgh90', 'wangfang'],
    ['1234567890a', 'wangfang'],
    ['政务公开平台登录密码一', 'wangfang'],
    ['wangfang2026!', 'wangfang2026'],
    ['x'.repeat(200), 'wangfang'],
  ])('accepts %j for %s', (password, username) => {
    expect(passwordProblem(password, username)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { combineDecisions, IP_RULE, signInDecision, USERNAME_RULE, type SignInAttempt } from './throttle.ts';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const minutes = (m: number) => new Date(T0 + m * 60_000);
const failed = (...at: number[]): SignInAttempt[] => at.map((m) => ({ at: minutes(m), succeeded: false }));
const succeeded = (m: number): SignInAttempt => ({ at: minutes(m), succeeded: true });

describe('signInDecision for a username (5 failures in 15 minutes lock for 15 minutes)', () => {
  it('allows four failures', () => {
    expect(signInDecision(failed(0, 1, 2, 3), minutes(4), USERNAME_RULE)).toEqual({ allowed: true });
  });

  it('locks after the fifth failure until 15 minutes after it', () => {
    const attempts = failed(0, 1, 2, 3, 4);
    expect(signInDecision(attempts, minutes(5), USERNAME_RULE)).toEqual({ allowed: false, retryAt: minutes(19) });
    expect(signInDecision(attempts, new Date(minutes(19).getTime() - 1), USERNAME_RULE)).toEqual({ allowed: false, retryAt: minutes(19) });
    expect(signInDecision(attempts, minutes(19), USERNAME_RULE)).toEqual({ allowed: true });
  });

  it('does not lock when the five failures are spread over more than 15 minutes', () => {
    expect(signInDecision(failed(0, 4, 8, 12, 16), minutes(17), USERNAME_RULE)).toEqual({ allowed: true });
  });

  it('counts exactly 15 minutes as within the window', () => {
    expect(signInDecision(failed(0, 5, 10, 14, 15), minutes(16), USERNAME_RULE)).toEqual({ allowed: false, retryAt: minutes(30) });
  });

  it('forgets failures before a successful sign-in', () => {
    const attempts = [...failed(0, 1, 2, 3), succeeded(4), ...failed(5)];
    expect(signInDecision(attempts, minutes(6), USERNAME_RULE)).toEqual({ allowed: true });
  });

  it('does not depend on the order attempts are given in', () => {
    const attempts = [...failed(4, 2), succeeded(0), ...failed(3, 1, 5)];
    expect(signInDecision(attempts, minutes(6), USERNAME_RULE)).toEqual({ allowed: false, retryAt: minutes(20) });
  });
});

describe('signInDecision for an address (20 failures, success does not reset)', () => {
  const twenty = failed(...Array.from({ length: 20 }, (_, i) => i * 0.5));

  it('allows 19 failures and locks at 20', () => {
    expect(signInDecision(twenty.slice(0, 19), minutes(10), IP_RULE)).toEqual({ allowed: true });
    expect(signInDecision(twenty, minutes(10), IP_RULE)).toEqual({ allowed: false, retryAt: minutes(24.5) });
  });

  it('keeps counting across a success from the same address', () => {
    const attempts = [...twenty.slice(0, 10), succeeded(5.2), ...twenty.slice(10)];
    expect(signInDecision(attempts, minutes(10), IP_RULE).allowed).toBe(false);
  });
});

describe('combineDecisions', () => {
  it('refuses when either refuses, with the later retry time', () => {
    expect(combineDecisions({ allowed: true }, { allowed: true })).toEqual({ allowed: true });
    expect(combineDecisions({ allowed: true }, { allowed: false, retryAt: minutes(3) })).toEqual({ allowed: false, retryAt: minutes(3) });
    expect(combineDecisions({ allowed: false, retryAt: minutes(9) }, { allowed: false, retryAt: minutes(3) })).toEqual({ allowed: false, retryAt: minutes(9) });
  });
});

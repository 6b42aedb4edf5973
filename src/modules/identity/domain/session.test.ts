import { describe, expect, it } from 'vitest';
import { isSessionLive, needsTouch, sessionExpiresAt } from './session.ts';

const at = (iso: string) => new Date(iso);

describe('session timing', () => {
  it('expires eight hours after the last activity', () => {
    expect(sessionExpiresAt(at('2026-11-30T01:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('is live strictly before its expiry', () => {
    const session = { expiresAt: '2026-11-30T09:00:00.000Z' };
    expect(isSessionLive(session, at('2026-11-30T08:59:59.999Z'))).toBe(true);
    expect(isSessionLive(session, at('2026-11-30T09:00:00.000Z'))).toBe(false);
  });

  it('is extended at most once a minute', () => {
    const session = { lastSeenAt: '2026-11-30T01:00:00.000Z' };
    expect(needsTouch(session, at('2026-11-30T01:00:59.999Z'))).toBe(false);
    expect(needsTouch(session, at('2026-11-30T01:01:00.000Z'))).toBe(true);
  });
});

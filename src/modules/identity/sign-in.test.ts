import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf, seedBureau, identityOn, type SeededBureau } from '../../../test/support/identity-fixtures.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/test-database.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import type { IdentityService } from './identity-service.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const MINUTE = 60_000;

describe.each(await testDialects())('sign-in and sessions on %s', (dialect) => {
  let database: TestDatabase;
  let identity: IdentityService;
  let clock: ReturnType<typeof identityOn>['clock'];
  let bureau: SeededBureau;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ({ identity, clock } = identityOn(database.db));
    bureau = await seedBureau(identity);
  });
  afterAll(() => database.drop());

  const sessionRows = () => database.db.selectFrom('sessions').selectAll().execute();

  it('signs in with the right password and stores only the hash of the session token', async () => {
    const signedIn = await identity.signIn(' WangFang ', passwordOf('officer'), '10.0.0.1');
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.actor).toEqual({ id: bureau.users.officer.id, username: 'wangfang', displayName: '王芳', role: 'officer', organId: bureau.organ.id, unitId: bureau.users.officer.unitId });
    const row = (await sessionRows()).find((r) => r.user_id === bureau.users.officer.id)!;
    expect(row.id).toBe(sha256(signedIn.token));
    expect(JSON.stringify(await sessionRows())).not.toContain(signedIn.token);
    expect(row.expires_at).toBe('2026-11-30T09:00:00.000Z');
    expect(await identity.sessionFromCookie(signedIn.token)).toEqual({ sessionId: row.id, actor: signedIn.actor, csrfToken: row.csrf_token });
  });

  it.each([
    ['a wrong password', 'lisi', 'wrong-password-1'],
    ['an unknown username', 'nobody', passwordOf('editor')],
    ['an empty password', 'lisi', ''],
  ])('refuses %s with the same invalid-credentials', async (_, username, password) => {
    const before = (await sessionRows()).length;
    await expect(identity.signIn(username, password, '10.0.0.2')).rejects.toMatchObject({ code: 'invalid-credentials', status: 401 });
    expect(await sessionRows()).toHaveLength(before);
  });

  it('refuses unknown and forged cookies', async () => {
    expect(await identity.sessionFromCookie('x'.repeat(43))).toBeUndefined();
    expect(await identity.sessionFromCookie('')).toBeUndefined();
    expect(await identity.sessionFromCookie("' or 1=1 --")).toBeUndefined();
  });

  it('locks a username after five failures, even for the right password, then lets it in after 15 minutes', async () => {
    clock.set('2026-11-30T02:00:00Z');
    for (let i = 0; i < 5; i++) await expect(identity.signIn('zhaoju', `guess-number-${i}`, `10.1.0.${i}`)).rejects.toMatchObject({ code: 'invalid-credentials' });
    await expect(identity.signIn('zhaoju', passwordOf('leader'), '10.1.0.9')).rejects.toMatchObject({ code: 'too-many-login-attempts', status: 429, retryAfterSeconds: 900 });
    clock.advance(15 * MINUTE);
    expect((await identity.signIn('zhaoju', passwordOf('leader'), '10.1.0.9')).actor.role).toBe('leader');
    // The success reset the count: one more failure does not lock.
    await expect(identity.signIn('zhaoju', 'guess-again-1', '10.1.0.9')).rejects.toMatchObject({ code: 'invalid-credentials' });
    // Attempts are keyed by a hash of the typed username, which may be a mistyped password.
    const attempts = JSON.stringify(await database.db.selectFrom('login_attempts').selectAll().execute());
    expect(attempts).toContain(`user:${sha256('zhaoju')}`);
    expect(attempts).not.toContain('zhaoju');
  });

  it('locks an address after twenty failures across usernames', async () => {
    clock.set('2026-11-30T03:00:00Z');
    for (let i = 0; i < 20; i++) await expect(identity.signIn(`probe${i}`, 'guess-number-1', '10.2.0.1')).rejects.toMatchObject({ code: 'invalid-credentials' });
    await expect(identity.signIn('lisi', passwordOf('editor'), '10.2.0.1')).rejects.toMatchObject({ code: 'too-many-login-attempts' });
    expect((await identity.signIn('lisi', passwordOf('editor'), '10.2.0.2')).actor.username).toBe('lisi');
  });

  it('shares the lock between two app instances on the same database', async () => {
    clock.set('2026-11-30T04:00:00Z');
    const other: Database = dialect === 'postgres' ? openDatabase(database.url) : database;
    try {
      const second = identityOn(other.db, clock).identity;
      for (let i = 0; i < 3; i++) await expect(identity.signIn('qianjc', `guess-number-${i}`, '10.3.0.1')).rejects.toMatchObject({ code: 'invalid-credentials' });
      for (let i = 0; i < 2; i++) await expect(second.signIn('qianjc', `guess-number-${i}`, '10.3.0.2')).rejects.toMatchObject({ code: 'invalid-credentials' });
      await expect(identity.signIn('qianjc', passwordOf('auditor'), '10.3.0.3')).rejects.toMatchObject({ code: 'too-many-login-attempts' });
      await expect(second.signIn('qianjc', passwordOf('auditor'), '10.3.0.3')).rejects.toMatchObject({ code: 'too-many-login-attempts' });
    } finally {
      if (other !== database) await other.destroy();
    }
  });

  it('keeps a session alive while it is used and ends it after eight idle hours', async () => {
    clock.set('2026-11-30T05:00:00Z');
    const { token, sessionId } = await identity.signIn('admin', passwordOf('admin'), '10.4.0.1');
    const row = async () => (await sessionRows()).find((r) => r.id === sessionId)!;
    clock.advance(30_000);
    expect(await identity.sessionFromCookie(token)).toBeDefined();
    expect((await row()).last_seen_at).toBe('2026-11-30T05:00:00.000Z'); // not written within the minute
    clock.set('2026-11-30T12:00:00Z');
    expect(await identity.sessionFromCookie(token)).toBeDefined();
    expect(await row()).toMatchObject({ last_seen_at: '2026-11-30T12:00:00.000Z', expires_at: '2026-11-30T20:00:00.000Z' });
    clock.set('2026-11-30T19:59:59.999Z');
    expect(await identity.sessionFromCookie(token)).toBeDefined();
    clock.set('2026-12-01T04:00:00Z');
    expect(await identity.sessionFromCookie(token)).toBeUndefined();
  });

  it('signs out: the cookie stops working and the sign-out is audited', async () => {
    clock.set('2026-11-30T06:00:00Z');
    const { token, sessionId } = await identity.signIn('lisi', passwordOf('editor'), '10.5.0.1');
    await identity.signOut(sessionId);
    await identity.signOut(sessionId); // twice is harmless
    expect(await identity.sessionFromCookie(token)).toBeUndefined();
    const audits = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.sign-out').execute();
    expect(audits.map((a) => [a.actor_id, a.subject_id])).toEqual([[bureau.users.editor.id, bureau.users.editor.id]]);
  });

  it('audits sign-ins and failures without secrets', async () => {
    const rows = await database.db.selectFrom('audit_log').selectAll().where('action', 'in', ['session.sign-in', 'session.sign-in-failed']).orderBy('seq').execute();
    expect(rows.filter((r) => r.action === 'session.sign-in').length).toBeGreaterThanOrEqual(5);
    const failure = rows.find((r) => r.action === 'session.sign-in-failed' && r.subject_id === 'unknown')!;
    expect(failure).toMatchObject({ actor_id: null, actor_name: '（未识别的登录者）' });
    const text = JSON.stringify(rows);
    for (const secret of ['Mima-2026', 'guess-number', 'nobody', 'scrypt$']) expect(text).not.toContain(secret);
  });
});

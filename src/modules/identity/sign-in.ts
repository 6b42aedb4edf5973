import type { Executor } from '../../db/database.ts';
import { DomainError, TooManyRequests } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { isSessionLive, needsTouch, sessionExpiresAt, type Session } from './domain/session.ts';
import { combineDecisions, IP_RULE, signInDecision, throttleLookbackMs, USERNAME_RULE } from './domain/throttle.ts';
import { normaliseUsername, type User } from './domain/user.ts';
import { actorOf, auditActorOf, type IdentityDeps, type IdentityService, type SignedIn } from './identity-service.ts';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { newCsrfToken, newSessionToken, sha256Hex } from './secrets.ts';
import { loginAttempts, sessions, users } from './sql/identity-repository.ts';

const LOOKBACK_MS = Math.max(throttleLookbackMs(USERNAME_RULE), throttleLookbackMs(IP_RULE));
/** Longer input is refused unread, so nobody can make the server hash a megabyte. */
const MAX_CREDENTIAL_CHARS = 1024;
const UNKNOWN_PERSON = { id: null, name: '（未识别的登录者）' };

type SignInUseCases = Pick<IdentityService, 'signIn' | 'signOut' | 'sessionFromCookie'>;

/**
 * Console sign-in (等保 2.0 身份鉴别: 登录失败处理, 会话超时). Attempts are kept in the database,
 * so the throttle holds across every app instance sharing it.
 */
export function createSignInUseCases({ db, clock, audit }: IdentityDeps): SignInUseCases {
  // The typed username is kept only as a hash: people sometimes type their password into it.
  const keysFor = (username: string, ip: string) => ({ user: `user:${sha256Hex(username)}`, ip: `ip:${ip.slice(0, 64)}` });
  void decoyHash(); // ready before the first unknown username arrives, so that one is not slower

  async function refuseIfThrottled(keys: { user: string; ip: string }, now: Date): Promise<void> {
    const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
    const attempts = await loginAttempts.listSince(db, [keys.user, keys.ip], since);
    const decision = combineDecisions(signInDecision(attempts.get(keys.user) ?? [], now, USERNAME_RULE), signInDecision(attempts.get(keys.ip) ?? [], now, IP_RULE));
    if (!decision.allowed) throw new TooManyRequests('too-many-login-attempts', Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000));
  }

  async function recordAttempt(trx: Executor, keys: { user: string; ip: string }, now: Date, succeeded: boolean): Promise<void> {
    const at = now.toISOString();
    for (const key of [keys.user, keys.ip]) await loginAttempts.insert(trx, { id: newId(now.getTime()), key, at, succeeded });
    await loginAttempts.deleteBefore(trx, new Date(now.getTime() - LOOKBACK_MS).toISOString());
  }

  /** The account the credentials open, or undefined; unknown usernames cost as much time as wrong passwords. */
  async function authenticate(username: string, password: string): Promise<{ user: User | undefined; rehash: string | undefined; known: User | undefined }> {
    const found = username.length <= MAX_CREDENTIAL_CHARS ? await users.findCredentials(db, username) : undefined;
    const matches = password.length <= MAX_CREDENTIAL_CHARS && (await verifyPassword(password, found?.passwordHash ?? (await decoyHash()))) && found !== undefined;
    const user = matches && !found.user.isDisabled ? found.user : undefined;
    const rehash = user && needsRehash(found!.passwordHash) ? await hashPassword(password) : undefined;
    return { user, rehash, known: found?.user };
  }

  async function startSession(trx: Executor, user: User, now: Date, rehash: string | undefined, ip: string): Promise<SignedIn> {
    const token = newSessionToken();
    const session: Session = { id: sha256Hex(token), userId: user.id, csrfToken: newCsrfToken(), createdAt: now.toISOString(), expiresAt: sessionExpiresAt(now).toISOString(), lastSeenAt: now.toISOString() };
    await sessions.deleteExpired(trx, user.id, session.createdAt);
    await sessions.insert(trx, session);
    if (rehash) await users.setPasswordHash(trx, user.id, rehash, session.createdAt);
    await audit(trx, { actor: auditActorOf(user), action: 'session.sign-in', subjectType: 'user', subjectId: user.id, after: { ip, expiresAt: session.expiresAt, ...(rehash ? { passwordRehashed: true } : {}) } });
    return { token, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt, actor: actorOf(user) };
  }

  return {
    async signIn(usernameText, password, ip) {
      const now = clock.now();
      const username = normaliseUsername(usernameText);
      const keys = keysFor(username, ip);
      await refuseIfThrottled(keys, now);
      const { user, rehash, known } = await authenticate(username, password);
      const signedIn = await db.transaction().execute(async (trx) => {
        await recordAttempt(trx, keys, now, user !== undefined);
        if (user) return startSession(trx, user, now, rehash, ip);
        // Failed sign-ins are security events (等保 2.0 安全审计); the typed username is not kept, it may be a password.
        const actor = known ? auditActorOf(known) : UNKNOWN_PERSON;
        await audit(trx, { actor, action: 'session.sign-in-failed', subjectType: 'user', subjectId: known?.id ?? 'unknown', after: { ip } });
        return undefined;
      });
      if (!signedIn) throw new DomainError('invalid-credentials', 401);
      return signedIn;
    },

    async signOut(sessionId) {
      const found = await sessions.findWithUser(db, sessionId);
      if (!found) return;
      await db.transaction().execute(async (trx) => {
        if ((await sessions.delete(trx, sessionId)) === 0) return;
        await audit(trx, { actor: auditActorOf(found.user), action: 'session.sign-out', subjectType: 'user', subjectId: found.user.id });
      });
    },

    async sessionFromCookie(token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const now = clock.now();
      const sessionId = sha256Hex(token);
      const found = await sessions.findWithUser(db, sessionId);
      if (!found || found.user.isDisabled || !isSessionLive(found.session, now)) return undefined;
      // Sliding expiry is bookkeeping of the session itself, not a change anyone made: not audited.
      if (needsTouch(found.session, now)) await sessions.touch(db, sessionId, now.toISOString(), sessionExpiresAt(now).toISOString());
      return { sessionId, actor: actorOf(found.user), csrfToken: found.session.csrfToken };
    },
  };
}

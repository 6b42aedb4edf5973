/** 会话: a signed-in console session. `id` is the SHA-256 of the cookie token, never the token. */
export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** Sessions end after eight hours without activity (one working day). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/** Activity is written back at most once a minute, so reading pages does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionExpiresAt(lastActivity: Date): Date {
  return new Date(lastActivity.getTime() + SESSION_IDLE_MS);
}

export function isSessionLive(session: Pick<Session, 'expiresAt'>, now: Date): boolean {
  return now.getTime() < Date.parse(session.expiresAt);
}

/** Whether this request should extend the session (sliding expiry). */
export function needsTouch(session: Pick<Session, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS;
}

/** One recorded sign-in attempt for a throttle key (a username or an IP address). */
export interface SignInAttempt {
  at: Date;
  succeeded: boolean;
}

/** How many failures within which window lock a key, and for how long. */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Whether a success clears the failures before it. */
  resetOnSuccess: boolean;
}

const MINUTE = 60_000;

/** Five wrong passwords for one username within 15 minutes lock it for 15 minutes (等保 2.0 登录失败处理). */
export const USERNAME_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, resetOnSuccess: true };

/**
 * Twenty failures from one address within 15 minutes lock the address for 15 minutes. A success
 * does not reset it: otherwise someone holding one valid account could sign in between guesses
 * at other accounts and never be slowed down.
 */
export const IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, resetOnSuccess: false };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

/** How far back attempts matter for `rule`: a lock can start at most `windowMs` before its last failure. */
export function throttleLookbackMs(rule: ThrottleRule): number {
  return rule.windowMs + rule.lockMs;
}

/**
 * Whether a sign-in may be tried now. The key is locked for `lockMs` after the failure that
 * completes `maxFailures` failures within `windowMs`. Refused attempts are not recorded, so a
 * lock always ends and an attacker cannot keep the real user locked out indefinitely.
 */
export function signInDecision(attempts: readonly SignInAttempt[], now: Date, rule: ThrottleRule): ThrottleDecision {
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  let since = 0;
  if (rule.resetOnSuccess) ordered.forEach((a, i) => (since = a.succeeded ? i + 1 : since));
  const failures = ordered.slice(since).filter((a) => !a.succeeded);
  if (failures.length < rule.maxFailures) return { allowed: true };
  const recent = failures.slice(-rule.maxFailures);
  const first = recent[0]!.at.getTime();
  const last = recent[recent.length - 1]!.at.getTime();
  if (last - first > rule.windowMs) return { allowed: true };
  const retryAt = new Date(last + rule.lockMs);
  return now.getTime() < retryAt.getTime() ? { allowed: false, retryAt } : { allowed: true };
}

/** The later of two refusals wins; any refusal refuses. */
export function combineDecisions(...decisions: readonly ThrottleDecision[]): ThrottleDecision {
  let worst: ThrottleDecision = { allowed: true };
  for (const d of decisions) if (!d.allowed && (worst.allowed || d.retryAt > worst.retryAt)) worst = d;
  return worst;
}

/** A refusal the caller is expected to handle: `{ ok: false, reason }` with a closed union of reasons. */
export type Result<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R; detail?: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <R extends string>(reason: R, detail?: string): { ok: false; reason: R; detail?: string } =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

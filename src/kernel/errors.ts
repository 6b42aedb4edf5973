/**
 * Use-case failures with stable kebab-case codes (STYLE.md §6). People see messages from the
 * message table in web/messages.ts keyed by code, never `error.message`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(what = 'not-found', details?: Record<string, unknown>) {
    super(what, 404, what, details);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'forbidden', details?: Record<string, unknown>) {
    super(code, 403, code, details);
  }
}

export class Unauthenticated extends DomainError {
  constructor(code = 'unauthenticated') {
    super(code, 401, code);
  }
}

/** A state conflict: stale version, an event the state table forbids, a duplicate. */
export class Conflict extends DomainError {
  constructor(code: string, details?: Record<string, unknown>) {
    super(code, 409, code, details);
  }
}

/** Field errors keyed by field name; values are message codes (see web/messages.ts). */
export type FieldErrors = Record<string, string>;

export class InvalidInput extends DomainError {
  constructor(
    readonly fields: FieldErrors,
    code = 'invalid-input',
  ) {
    super(code, 400, code, { fields });
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    code = 'too-many-requests',
    readonly retryAfterSeconds = 60,
  ) {
    super(code, 429, code);
  }
}

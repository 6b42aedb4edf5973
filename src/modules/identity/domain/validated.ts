import type { FieldErrors } from '../../../kernel/errors.ts';

/** A validated, normalised value, or every field error found at once (field → message code). */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Form-level validation results: every invalid field is reported at once, keyed by field name,
 * with a kebab-case code that CATALOGUE_MESSAGES turns into Chinese (STYLE.md §6).
 */

/** Field name → error code; empty when the input is valid. */
export type FieldErrorMap<C extends string = string> = Partial<Record<string, C>>;

/** A validated, normalised value, or every field error found. */
export type Validated<T, C extends string = string> = { ok: true; value: T } | { ok: false; errors: FieldErrorMap<C> };

/** True when `text` holds something other than whitespace; officers' reasons and notes must say something. */
export function hasText(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim().length > 0;
}

/** Length in characters as a reader counts them (code points, so 𠀀 counts once, not as two UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}


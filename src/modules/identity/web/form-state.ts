import { Conflict, InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';

/** What a console form shows again after a refusal: the submitted values (never passwords) and the errors. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

/**
 * The field errors to show beside a form's fields. InvalidInput gives its own; a Conflict whose code
 * is a key of `conflictFields` belongs to that field. Anything else is rethrown for the error page.
 */
export function fieldErrorsOf(error: unknown, conflictFields: Record<string, string> = {}): FieldErrors {
  if (error instanceof InvalidInput) return error.fields;
  const field = error instanceof Conflict ? conflictFields[error.code] : undefined;
  if (field) return { [field]: (error as Conflict).code };
  throw error;
}

/** Errors keyed by the service's field names, renamed to the form's (two forms on one page cannot share an id). */
export function renamedFields(errors: FieldErrors, names: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [names[field] ?? field, code]));
}

/** The status a refused form comes back with: the error's own (400, 409), else 400. */
export function statusOf(error: unknown): number {
  return error instanceof InvalidInput || error instanceof Conflict ? error.status : 400;
}

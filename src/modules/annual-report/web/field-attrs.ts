import type { FieldErrors } from '../../../kernel/errors.ts';

/** Marks a field's control invalid and points it at the error text Field prints (WCAG 3.3.1), as TextInput does. */
export const invalidAttrs = (name: string, errors: FieldErrors | undefined): Record<string, string> => (errors?.[name] ? { 'aria-invalid': 'true', 'aria-describedby': `${name}-error` } : {});

import { z } from 'zod';

/**
 * Form bodies, validated by a zod schema per form. Each error is an interface message key (`form.error.required`)
 * stored by field name; pages render it with the field's label, so every message names its field. The values the
 * person typed come back with the errors so the form can show them again (pages never show a password again).
 */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type FormState = { values: FormValues; errors: FieldErrors };
export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

export const REQUIRED = 'form.error.required';
const MESSAGE_KEY = /^[a-z]+(\.[A-Za-z]+)+$/;

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const values = formValues(body);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= MESSAGE_KEY.test(issue.message) ? issue.message : 'form.error.invalid';
  }
  return { ok: false, errors, values };
}

/** The form's string fields (the first one of a repeated name); anything else is dropped. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') values[name] = first;
    }
  }
  return values;
}

/** One of a fixed list (a select): missing is "required", anything else outside the list "not valid". */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === '' ? REQUIRED : 'form.error.invalid') });
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

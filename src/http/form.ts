import { z } from 'zod';
import { cleanText } from '../text/clean-text.ts';

/**
 * Form bodies, validated by a zod schema per form. Each error is an interface message key (`form.error.required`)
 * stored by field name; pages render it with the field's label, so every message names its field. The values the
 * person typed come back with the errors so the form can show them again (pages never show a password again).
 */
export type FormValues = Record<string, string>;

/**
 * What an error's message says besides its field: a number or a text as it is (ICU formats a `{max, number}` in the
 * page's language), or a file size, which the page says in its language and unit (`formatFileSize`).
 */
export type MessageValue = string | number | { fileSize: number };
/**
 * A field's error: a message key, or a key with the values its message needs ("use at most {max, number}
 * characters"), which a page renders through `errorMessage` (layout/form.tsx).
 */
export type FieldError = string | { key: string; values: Record<string, MessageValue> };
export type FieldErrors = Record<string, FieldError>;
export type FormState = { values: FormValues; errors: FieldErrors };
export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

export const REQUIRED = 'form.error.required';
const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/;

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const values = formValues(body);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issueError(issue);
  }
  return { ok: false, errors, values };
}

/**
 * A schema's message key; a maximum the schema sets (`.max(5000, 'form.error.tooLong')`) comes with it as `{ max }`,
 * so the message can say the limit.
 */
function issueError(issue: z.core.$ZodIssue): FieldError {
  if (!MESSAGE_KEY.test(issue.message)) return 'form.error.invalid';
  return issue.code === 'too_big' ? { key: issue.message, values: { max: Number(issue.maximum) } } : issue.message;
}

/**
 * The form's string fields (the first one of a repeated name), cleaned as every text coming in is (`cleanText`: a
 * vertical tab pasted from Word becomes a line break, characters no file can hold are dropped); anything else is
 * dropped. Line breaks are stored as "\n": browsers send a textarea's as "\r\n", so a text saved unchanged would
 * otherwise differ from the stored one and be recorded as a change.
 */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') values[name] = cleanText(first).replace(/\r\n?/g, '\n');
    }
  }
  return values;
}

/** One of a fixed list (a select): missing is "required", anything else outside the list "not valid". */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === '' ? REQUIRED : 'form.error.invalid') });
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

import { z } from 'zod';
import type { FieldErrors, FormValues } from '../../http/form.ts';

/**
 * The version of a milestone's report a form was opened on (0: no report yet), which the report and verdict forms
 * carry in a hidden field. Their commands compare it with the report's current revision under the report's lock and
 * refuse when it moved on: otherwise one editor would silently overwrite another's revision, and a verdict would be
 * saved against a version its reviewer never saw. Optional for callers without a form (tests, seeds), which act on
 * whatever the current version is; a form always sends it.
 */
export const SeenRevision = z.string().regex(/^[0-9]{1,9}$/, 'form.error.invalid').transform(Number).optional();

/** The refusal when the report changed since the form was opened: the page shows the current version beside the form. */
export function reportChanged(seen: number | undefined, current: number, values: FormValues): { ok: false; errors: FieldErrors; values: FormValues } | null {
  return seen === undefined || seen === current ? null : { ok: false, errors: { revision: 'reporting.error.reportChanged' }, values };
}

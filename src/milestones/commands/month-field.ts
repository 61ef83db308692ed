import { z } from 'zod';
import type { StoredDate } from './milestone-version.ts';

/**
 * Dates as the workspace forms take them (decision 012): a year and month, `YYYY-MM`, or nothing. Used by the
 * milestone forms and the new-commitment form.
 */
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * The years a month may have. PostgreSQL has no year 0 (0000-01 was a 500), and a plan's dates lie in the decades
 * around it: OGP began in 2011, and 1990 leaves room for an imported milestone dated from the reform it continues
 * (a typed 1020 or 2202 is a slip); 2100 is the last year the action-plan form takes.
 */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

export const MONTH_FIELD = z.string().trim().optional().transform((v) => v || '')
  .refine((v) => v === '' || MONTH.test(v), 'edit.error.month')
  .refine((v) => !MONTH.test(v) || (Number(v.slice(0, 4)) >= FIRST_YEAR && Number(v.slice(0, 4)) <= LAST_YEAR), 'edit.error.monthYear');

/** The end month may not come before the start month: the error sits on the end field. */
export function refineMonths(form: { start: string; end: string }, ctx: z.RefinementCtx): void {
  if (form.start && form.end && form.end < form.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'edit.error.endBeforeStart' });
}

/** A typed month as stored: the first day of the month, month precision; nothing typed is no date. */
export const monthDate = (typed: string): StoredDate => (typed === '' ? null : { date: `${typed}-01`, precision: 'month' });

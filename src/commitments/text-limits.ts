import type { z } from 'zod';

/**
 * The longest text each field of a commitment or a milestone may hold, the same whether it comes from a form or an
 * import: an imported text a form would refuse could not be saved again unchanged. Texts stored before a limit
 * existed stay as they are, and a form that sends one back unchanged saves (`refineLimit`).
 */
export const TEXT_LIMITS = {
  /**
   * A title. The longest in OGP's dataset (RO0018, a plan's whole commitment sentence quoted as its title) has 603
   * characters, the next 392; 1,000 leaves room for a longer one without letting a full text pass for a title.
   */
  title: 1000,
  /** Description, objectives, status quo and ambition, each. */
  section: 20_000,
  /** A milestone's text, in one language. */
  milestone: 5000,
} as const;

/** Why an importer refuses a text: "1,203 characters; a title has at most 1,000". */
export function tooLongReason(text: string, max: number, what: string): string {
  return `${text.length.toLocaleString('en')} characters; ${what} has at most ${max.toLocaleString('en')}`;
}

/**
 * A form's check of one text: over `max` characters, it gets the form's "too long" error (with its limit), unless it
 * is the text already stored, sent back unchanged (line breaks as a browser sends them).
 */
export function refineLimit(ctx: z.RefinementCtx, field: string, text: unknown, max: number, stored: string | null | undefined): void {
  if (typeof text !== 'string' || text.length <= max) return;
  if (stored != null && text.replace(/\r\n?/g, '\n') === stored.replace(/\r\n?/g, '\n')) return;
  ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: text, path: [field], message: 'form.error.tooLong' });
}

import type { z } from 'zod';
import { AppError } from './errors.ts';

/** A page's query string read by its schema; a failure is a 400 that names the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'query';
  throw new AppError('invalid_input', `${field}: ${issue.message}`, field);
}

import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Refuses, before any handler, a path segment, query parameter or form field holding the character U+0000: text in
 * PostgreSQL cannot hold it, so such a value reached the database as an error (a 500, or a download cut after its
 * header row once the response had started). The 400 names the field. A multipart form is read by its handler, and
 * `readEvidenceForm` names such a field as an error of the form. A callback hook that looks at the path and query
 * only when the URL holds `%00` (the only way they can carry it): on a cached page the check is not measurable.
 */
export function registerNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const field = (request.url.includes('%00') ? fieldWithNul(request.params) ?? fieldWithNul(request.query) : undefined)
      ?? fieldWithNul(request.body);
    done(field === undefined ? undefined : new AppError('invalid_input', `${field}: contains the character U+0000, which cannot be stored`, field));
  });
}

function fieldWithNul(values: unknown): string | undefined {
  if (values === null || typeof values !== 'object') return undefined;
  for (const [field, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && text.includes('\u0000'))) return field;
  }
  return undefined;
}

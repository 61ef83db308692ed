import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';

/** The body of every API error: a stable code, a message for people, and the parameter at fault if one is. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(['not_found', 'invalid_input', 'unauthenticated', 'forbidden', 'second_factor_required', 'internal']),
    message: z.string(),
    field: z.string().optional(),
  }),
}).meta({ id: 'Error', description: 'An error, with a stable code and the parameter at fault' });

/** 304: the client's copy (named by `If-None-Match`) is current; no body. */
export const NotModifiedSchema = z.undefined();

/** The language of labels and titles; prose comes in every language it exists in. */
export const LocaleQuerySchema = z.object({ locale: z.enum(LOCALES).default('en') });

export const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as "kenya"');

/**
 * Response schemas of a GET route: its body, 304, and the errors it can answer with. Their descriptions in the
 * OpenAPI document come from the locale files (`api.response.<status>`), as on the docs page.
 */
export function apiResponses<T extends z.ZodType>(ok: T, options: { notFound?: boolean } = {}) {
  return {
    200: ok,
    304: NotModifiedSchema,
    400: ApiErrorSchema,
    ...(options.notFound ? { 404: ApiErrorSchema } : {}),
  };
}

/** A query parameter that may be repeated (`?member=kenya&member=uganda`); an empty value is no value. */
export const repeatable = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(item).max(50));

/** An empty form field (`endFrom=`) is no filter, as on the pages. */
export const blankAsUndefined = (v: unknown) => (v === '' ? undefined : v);

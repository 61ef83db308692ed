import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { etagAndCacheControl } from './etag.ts';
import { keepResponse, sendKeptResponse } from './kept-responses.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** A request (path and query) the API docs page shows and links to; copied into the OpenAPI operation. */
    'x-ahadi-example'?: string;
  }
}

/**
 * Every `/api/v1` route is declared through this: zod schemas validate the request and serialize the response
 * (the same schemas produce the OpenAPI document), a failed check becomes a 400 `invalid_input` naming the field,
 * a valid GET is answered from the responses kept per public data version when it can be (decision 021), and a 200
 * gets a weak ETag and `Cache-Control: public, max-age=60`. Pages are not affected: the options are per route.
 */
export function apiRoutes(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const API_ROUTE = {
  // Fastify types a route's compilers by the route's whole schema object; these compile each zod schema in it.
  validatorCompiler: validatorCompiler as FastifySchemaCompiler<any>,
  serializerCompiler: serializerCompiler as FastifySerializerCompiler<any>,
  schemaErrorFormatter: validationError,
  preHandler: sendKeptResponse,
  // Kept before the ETag may turn the 200 into a 304 without a body.
  onSend: [keepResponse, etagAndCacheControl],
};

/**
 * The first failing check, as the JSON error every API route answers with: `field` is the parameter's name
 * (`irm` for `irm[0]`), the message gives the full path.
 */
export function validationError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const first = errors[0];
  const path = (first?.instancePath ?? '').split('/').filter(Boolean);
  const field = path[0] ?? dataVar;
  return new AppError('invalid_input', `${path.join('.') || dataVar}: ${first?.message ?? 'invalid'}`, field);
}

/**
 * Errors with a stable code, mapped to HTTP in one place (server.ts). Anything else is an unexpected 500, logged,
 * and shown without its message.
 */
export type ErrorCode = 'not_found' | 'invalid_input' | 'unauthenticated' | 'forbidden' | 'second_factor_required';

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  /** No valid session: pages redirect to sign-in with a return path, the API answers 401. */
  unauthenticated: 401,
  /** Signed in but not allowed, or a form without a valid CSRF token. */
  forbidden: 403,
  /** An administrator who has not set up TOTP yet: pages redirect to its set-up. */
  second_factor_required: 403,
};

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly field?: string, status?: number) {
    super(message);
    this.status = status ?? STATUS[code];
  }
}

/**
 * Fastify's own refusals of a request (a body too large, of a type no route reads, JSON that does not parse) as the
 * client errors they are, with their status and Fastify's message: they used to reach the error handler as unknown
 * errors, answered 500 and logged as the server's fault.
 */
export function requestRefusedByFastify(error: unknown): AppError | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (!(error instanceof Error) || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return new AppError('invalid_input', error.message, undefined, status);
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string) => new AppError('forbidden', why);

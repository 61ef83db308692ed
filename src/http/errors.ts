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

/**
 * What was wrong with a request refused before its form could be read, for its page to say in its language
 * (error-page.tsx); the error's message stays English, for the API and the log, and is at times a library's.
 */
export type BodyProblem = { kind: 'tooLarge' } | { kind: 'tooManyFields'; max: number } | { kind: 'unreadable' } | { kind: 'unsupportedType' };

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly field?: string, status?: number, readonly problem?: BodyProblem) {
    super(message);
    this.status = status ?? STATUS[code];
  }
}

/**
 * Fastify's own refusals of a request (a body too large, of a type no route reads, JSON that does not parse) as the
 * client errors they are, with their status and Fastify's message: they used to reach the error handler as unknown
 * errors, answered 500 and logged as the server's fault. Their page says in its own words what was wrong (`problem`).
 */
export function requestRefusedByFastify(error: unknown): AppError | undefined {
  const { statusCode: status, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (!(error instanceof Error) || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return new AppError('invalid_input', error.message, undefined, status, FASTIFY_PROBLEMS[String(code)] ?? { kind: 'unreadable' });
}

const FASTIFY_PROBLEMS: Record<string, BodyProblem> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { kind: 'tooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { kind: 'unsupportedType' },
};

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string) => new AppError('forbidden', why);

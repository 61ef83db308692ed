/**
 * Errors with a stable code, mapped to HTTP in one place (server.ts). Anything else is an unexpected 500, logged,
 * and shown without its message.
 */
export type ErrorCode = 'not_found' | 'invalid_input';

const STATUS: Record<ErrorCode, number> = { not_found: 404, invalid_input: 400 };

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly field?: string) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

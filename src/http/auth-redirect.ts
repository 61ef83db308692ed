import type { FastifyRequest } from 'fastify';
import { negotiateLocale } from '../i18n/intl.ts';
import { isLocale } from '../i18n/locales.ts';
import type { ErrorCode } from './errors.ts';

/**
 * Where a page request goes when it needs a session (sign-in, coming back to the page afterwards) or, for an
 * administrator without TOTP, its set-up. Undefined for every other error.
 */
export function authRedirect(request: FastifyRequest, code: ErrorCode): string | undefined {
  if (code !== 'unauthenticated' && code !== 'second_factor_required') return undefined;
  const first = request.url.split('/')[1] ?? '';
  const locale = isLocale(first) ? first : negotiateLocale(request.headers['accept-language']);
  if (code === 'second_factor_required') return `/${locale}/account/two-factor`;
  // Come back to the page after signing in; a form sent without a session cannot be replayed, so go to the account.
  return request.method === 'GET' ? `/${locale}/sign-in?return=${encodeURIComponent(request.url)}` : `/${locale}/sign-in`;
}

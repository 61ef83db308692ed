import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../layout/layout.tsx';
import type { WebSecurity } from './cookies.ts';
import { csrfToken } from './csrf.ts';
import { LOCALES } from '../i18n/locales.ts';
import { intlFromParams, pathAfterLocale } from './locale-params.ts';

/** What a page needs to render its frame; with a signed-in person, the header shows them and a sign-out form. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, web: WebSecurity, user?: { name: string }): PageContext {
  return {
    intl: intlFromParams(request.params),
    pathAfterLocale: pathAfterLocale(request.url),
    ...(user ? { user: { name: user.name, csrfToken: csrfToken(web, request, reply) } } : {}),
  };
}

/** Sends a page meant for one person (forms with tokens, account pages): never stored by a cache. */
export function sendPrivatePage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

const RETURN_PATH = new RegExp(`^/(${LOCALES.join('|')})/[\\x21-\\x7e]*$`);

/** A return path given to the sign-in page: a path of this site in one of its languages, never another site. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  if (!RETURN_PATH.test(value) || value.includes('//') || value.includes('\\')) return undefined;
  return value;
}

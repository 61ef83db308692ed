import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../layout/layout.tsx';
import type { Db } from '../db/connect.ts';
import type { WebSecurity } from './cookies.ts';
import { csrfToken, unmaskCsrfToken } from './csrf.ts';
import { LOCALES } from '../i18n/locales.ts';
import { intlFromParams, pathAfterLocale } from './locale-params.ts';
import { currentUser } from '../accounts/current-user.ts';
import { BUILD_VERSION } from '../layout/build-version.ts';
import { API_CACHE_CONTROL, clientHas, weakEtag } from './api/etag.ts';

/** What a page needs to render its frame; with a signed-in person, the header shows them and a sign-out form. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, web: WebSecurity, user?: { name: string }): PageContext {
  return {
    intl: intlFromParams(request.params),
    pathAfterLocale: pathAfterLocale(request.url),
    ...(user ? { user: { name: user.name, csrfToken: csrfToken(web, request, reply) } } : {}),
  };
}

/**
 * How long the portal (`serve`) trusts, for anonymous visitors, the version of a public page it last read from the
 * database before reading it again. Anonymous pages are sent with `max-age=60`: any browser or shared cache may
 * already show them that long unchanged, so a few seconds in the app process promise nothing more. Signed-in people
 * (who edit) always get the current version. Tests build the server without it: every request reads the version.
 */
export const PUBLIC_PAGE_FRESHNESS_MS = 5_000;

/**
 * The frame of a public page: the signed-in person (if any) appears in its header, as on workspace pages. Its
 * language links carry `query`, the page's own parameters as it writes them ('' or '?…'), not the request's: an
 * anonymous page is kept and sent to everyone whose address names the same page, and one visitor's parameters
 * (`?utm_source=…`) must not reach the others.
 */
export async function publicPageContext(request: FastifyRequest, reply: FastifyReply, deps: { db: Db; web: WebSecurity },
  query = ''): Promise<PageContext> {
  const ctx = pageContext(request, reply, deps.web, await currentUser(deps, request));
  return { ...ctx, pathAfterLocale: `${pathAfterLocale(request.url.split('?', 1)[0]!)}${query}` };
}

/**
 * Sends a public page with HTTP caching (decision 017): an ETag and a 304 when the browser already has the page.
 * What anonymous visitors see may be kept by any cache for a minute, like the API; a page that names the signed-in
 * person is private, and its ETag differs. `Vary: Cookie` keeps shared caches from handing one to the other.
 * `page` is the HTML, or a version naming everything the page shows and how to render it: then a 304 costs no
 * rendering, nor the queries behind it.
 */
export async function sendPublicPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext,
  page: string | { version: string; render: () => Promise<string | Buffer> }): Promise<FastifyReply> {
  const version = typeof page === 'string' ? page : page.version;
  const etag = weakEtag(`${BUILD_VERSION}\n${ctx.user ? personalVersion(version, ctx.user) : version}`);
  reply.header('etag', etag).header('vary', 'Cookie')
    .header('cache-control', ctx.user ? 'private, no-cache' : API_CACHE_CONTROL);
  if (clientHas(request, etag)) {
    return reply.code(304).send();
  }
  return reply.type('text/html; charset=utf-8').send(typeof page === 'string' ? page : await page.render());
}

/**
 * A signed-in person's page differs in every response by its token's pad (csrf.ts): its tag is over the page without
 * the pad and over the session's token behind it. The same page for the same session keeps its tag, and its 304: a
 * weak tag is meant for bodies that differ only in what does not matter, and any pad of the session's token works.
 * A new session (signed out and in again) gives a new tag, so a page with the old session's tokens is not reused.
 */
function personalVersion(version: string, user: { name: string; csrfToken: string }): string {
  return `${version.replaceAll(user.csrfToken, '')}\n${user.name}\n${unmaskCsrfToken(user.csrfToken)}`;
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

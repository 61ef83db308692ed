import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import { cookieName, cookieOptions, type WebSecurity } from './cookies.ts';
import { AppError } from './errors.ts';

/**
 * CSRF protection for every form, signed-in or not (decision 007): a signed double-submit token bound to the
 * session. The browser holds a random secret in an HttpOnly cookie; a form carries
 * HMAC-SHA256(server key, secret + digest of the session cookie). A request that changes anything (any method but
 * GET, HEAD, OPTIONS) without the right token is refused with 403 before its handler runs, so it writes nothing.
 * Signing in or out changes the session, so tokens of older pages stop working.
 * A multipart form (file uploads) is read as a stream by its handler, after this check, so its token comes in the
 * query string of the form's action (`multipartAction`) and is accepted there for multipart requests only
 * (decision 014).
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const issued = new WeakMap<FastifyRequest, string>();
const routesByApp = new WeakMap<FastifyInstance, string[]>();

/** Checks every state-changing request. Register before any route so the list of protected routes is complete. */
export function registerCsrfProtection(app: FastifyInstance, web: WebSecurity): void {
  const routes: string[] = [];
  routesByApp.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (!SAFE_METHODS.has(method)) routes.push(`${method} ${route.url}`);
  });
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.routeOptions.url) return;
    if (!hasValidToken(web, request)) throw new AppError('forbidden', 'missing or invalid CSRF token');
  });
}

/** Every route of the app that the check covers, as "POST /:locale/sign-in" (for the tests that try them all). */
export function protectedRoutes(app: FastifyInstance): string[] {
  return [...(routesByApp.get(app) ?? [])];
}

/** The token for forms on the page being rendered; sets the browser's secret cookie when it has none yet. */
export function csrfToken(web: WebSecurity, request: FastifyRequest, reply: FastifyReply): string {
  let secret = issued.get(request) ?? request.cookies[cookieName(web, 'csrf')];
  if (!secret || !SECRET.test(secret)) {
    secret = randomBytes(32).toString('base64url');
    reply.setCookie(cookieName(web, 'csrf'), secret, cookieOptions(web));
  }
  issued.set(request, secret);
  return sign(web, secret, sessionBinding(web, request));
}

/** The action of a multipart form: its address with the token in the query string. */
export function multipartAction(action: string, token: string): string {
  return `${action}${action.includes('?') ? '&' : '?'}${CSRF_FIELD}=${encodeURIComponent(token)}`;
}

function hasValidToken(web: WebSecurity, request: FastifyRequest): boolean {
  const secret = request.cookies[cookieName(web, 'csrf')];
  const sent = sentToken(request);
  if (!secret || !SECRET.test(secret) || typeof sent !== 'string') return false;
  const expected = Buffer.from(sign(web, secret, sessionBinding(web, request)));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sentToken(request: FastifyRequest): unknown {
  if (isMultipart(request)) return (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? request.headers[CSRF_HEADER];
  const body = request.body as Record<string, unknown> | undefined;
  return (body && typeof body === 'object' ? body[CSRF_FIELD] : undefined) ?? request.headers[CSRF_HEADER];
}

const isMultipart = (request: FastifyRequest): boolean =>
  /^multipart\/form-data\s*(;|$)/i.test(request.headers['content-type'] ?? '');

function sign(web: WebSecurity, secret: string, binding: string): string {
  return createHmac('sha256', web.csrfKey).update(`${secret}.${binding}`).digest('base64url');
}

// The digest of the session cookie (what the sessions table stores), or nothing for an anonymous visitor.
function sessionBinding(web: WebSecurity, request: FastifyRequest): string {
  const session = request.cookies[cookieName(web, 'session')];
  return session ? createHash('sha256').update(session).digest('hex') : '';
}

/** The key shared by every app process, created by the first one that starts on a new database. */
export async function loadCsrfKey(db: Db): Promise<Buffer> {
  await db.insertInto('server_secrets').values({ name: 'csrf', secret: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('server_secrets').select('secret').where('name', '=', 'csrf').executeTakeFirstOrThrow();
  return row.secret;
}

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
 * Pages are compressed (decision 023) and reflect what visitors type (`q`) beside the token, so a page carries the
 * token masked with a random pad of its own (pad + pad XOR token): an attacker who measures compressed sizes
 * across many responses finds no repeated bytes to guess at (BREACH). The check removes the pad.
 * A multipart form (file uploads) is read as a stream by its handler, after this check, so its token comes in the
 * query string of the form's action (`multipartAction`) and is accepted there for multipart requests only
 * (decision 014).
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_BYTES = 32; // an HMAC-SHA256
const MASKED = /^[A-Za-z0-9_-]{86}$/; // pad and masked token, 64 bytes in base64url
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

/**
 * The token for forms on the page being rendered, masked with one pad per response (every form of the page carries
 * the same text, which `sendPublicPage` leaves out of the page's ETag); sets the browser's secret cookie when it has
 * none yet.
 */
export function csrfToken(web: WebSecurity, request: FastifyRequest, reply: FastifyReply): string {
  let token = issued.get(request);
  if (token === undefined) {
    let secret = request.cookies[cookieName(web, 'csrf')];
    if (!secret || !SECRET.test(secret)) {
      secret = randomBytes(32).toString('base64url');
      reply.setCookie(cookieName(web, 'csrf'), secret, cookieOptions(web));
    }
    const pad = randomBytes(TOKEN_BYTES);
    token = Buffer.concat([pad, xor(pad, sign(web, secret, sessionBinding(web, request)))]).toString('base64url');
    issued.set(request, token);
  }
  return token;
}

/** The session's token behind a masked one (empty when it is not one): the same for every response of a session. */
export function unmaskCsrfToken(masked: string): string {
  return unmask(masked)?.toString('base64url') ?? '';
}

/** The action of a multipart form: its address with the token in the query string. */
export function multipartAction(action: string, token: string): string {
  return `${action}${action.includes('?') ? '&' : '?'}${CSRF_FIELD}=${encodeURIComponent(token)}`;
}

function hasValidToken(web: WebSecurity, request: FastifyRequest): boolean {
  const secret = request.cookies[cookieName(web, 'csrf')];
  const sent = sentToken(request);
  const given = typeof sent === 'string' ? unmask(sent) : undefined;
  if (!secret || !SECRET.test(secret) || !given) return false;
  return timingSafeEqual(given, sign(web, secret, sessionBinding(web, request)));
}

function unmask(masked: string): Buffer | undefined {
  if (!MASKED.test(masked)) return undefined;
  const bytes = Buffer.from(masked, 'base64url');
  return xor(bytes.subarray(0, TOKEN_BYTES), bytes.subarray(TOKEN_BYTES));
}

const xor = (a: Buffer, b: Buffer): Buffer => Buffer.from(a.map((byte, i) => byte ^ b[i]!));

function sentToken(request: FastifyRequest): unknown {
  if (isMultipart(request)) return (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? request.headers[CSRF_HEADER];
  const body = request.body as Record<string, unknown> | undefined;
  return (body && typeof body === 'object' ? body[CSRF_FIELD] : undefined) ?? request.headers[CSRF_HEADER];
}

const isMultipart = (request: FastifyRequest): boolean =>
  /^multipart\/form-data\s*(;|$)/i.test(request.headers['content-type'] ?? '');

function sign(web: WebSecurity, secret: string, binding: string): Buffer {
  return createHmac('sha256', web.csrfKey).update(`${secret}.${binding}`).digest();
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

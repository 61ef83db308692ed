import type { CookieSerializeOptions } from '@fastify/cookie';

/**
 * What the HTTP layer needs to set cookies and sign CSRF tokens. Cookies are Secure (and take the `__Host-` prefix,
 * which binds them to this host and path /) when the public address is https.
 */
export type WebSecurity = { secureCookies: boolean; csrfKey: Buffer };

export function cookieName(web: WebSecurity, base: 'session' | 'csrf'): string {
  return web.secureCookies ? `__Host-ahadi_${base}` : `ahadi_${base}`;
}

/** HttpOnly, SameSite=Lax, path /, Secure over https; no Max-Age: the browser drops them when it closes. */
export function cookieOptions(web: WebSecurity): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: web.secureCookies };
}

import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * helmet's headers, with a Content-Security-Policy of our own origin only. HSTS and the CSP's
 * `upgrade-insecure-requests` are sent only when the portal's public address is https: over plain http (a pilot on a
 * ministry's network at http://10.0.0.5:3000) browsers upgrade the stylesheet and every form's action to https, where
 * nothing answers, so the pages lose their style and no form — signing in included — can be sent.
 */
export function securityHeaders(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  };
}

import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * A whole number from `min` to `max`. Any other text is refused in words an operator reads ("expected a port number,
 * 0 to 65535"), where zod's own would say "Invalid input: expected number, received NaN".
 */
function wholeNumber(min: number, max: number, what: string) {
  const error = `expected ${what}, ${min} to ${max}`;
  return z.string().trim().regex(/^[0-9]+$/, error).transform(Number).pipe(z.number().min(min, error).max(max, error));
}

/**
 * Ahadi's whole configuration, read once from the environment at start-up.
 * Every variable has a working default so a newcomer needs none of them.
 */
const ConfigSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: wholeNumber(0, 65535, 'a port number').default(3000),
  /** Interface the HTTP server binds to: an address (`0.0.0.0`, `::`) or a host name. */
  HOST: z.string().min(1).default('127.0.0.1')
    .refine((v) => isIP(v) !== 0 || isHostName(v), 'expected an IP address or a host name'),
  /** Folder for the embedded database and uploaded files. */
  AHADI_DATA_DIR: z.string().min(1).default('./data'),
  /** When set, a PostgreSQL server (15 or later) used instead of the embedded one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'expected postgres://USER:PASSWORD@HOST:PORT/DATABASE' }).optional(),
  /**
   * Public address of the portal, used in links that leave the site (feeds, e-mails). An origin only: pages link
   * from the root of their host (`/en/…`), so a path here would make feeds and e-mails link elsewhere than the pages.
   */
  AHADI_BASE_URL: z.url({ protocol: /^https?$/ }).optional()
    .refine((v) => v === undefined || isOrigin(v), 'expected the portal\'s origin, such as https://ahadi.example.org, without a path'),
  /** Size of the connection pool of each app process. */
  AHADI_DB_POOL_SIZE: wholeNumber(1, 100, 'a number of connections').default(10),
  /** SMTP server for e-mail (`smtps://user:password@mail.example.org`); unset, messages wait in the admin outbox. */
  AHADI_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of the portal's e-mail. */
  AHADI_MAIL_FROM: z.string().min(3).optional(),
  /** Largest evidence file accepted, in megabytes. */
  AHADI_UPLOAD_MAX_MB: wholeNumber(1, 1024, 'a number of megabytes').default(20),
  /**
   * Evidence files one account may upload in 24 hours, in megabytes (decision 014): a stolen or runaway account
   * cannot fill the disk. At least one file of the largest size.
   */
  AHADI_UPLOAD_QUOTA_MB: wholeNumber(1, 1024 * 1024, 'a number of megabytes').default(500),
  /**
   * `false`: the first start on an empty database loads no demo data set and creates no demo accounts (a production
   * portal, whose first administrator comes from `create-admin`). Unset: `true` on the embedded database (a newcomer's
   * first look), `false` on a server named by DATABASE_URL (production: nothing can delete the demo plan once published).
   */
  AHADI_DEMO: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
  /**
   * Behind a reverse proxy: `true` (proxies on this machine or a private network) or the proxies' addresses
   * (comma-separated, CIDR ranges allowed), so that the sign-in rate limit counts the visitor's address, not the
   * proxy's. Unset: the connection's address is used.
   */
  AHADI_TRUST_PROXY: z.string().trim().optional()
    .refine((v) => v === undefined || v === 'true' || v === 'false' || v.split(',').every(isProxyAddress),
      'expected true, false or the proxies\' addresses, comma-separated'),
}).refine((c) => c.AHADI_UPLOAD_QUOTA_MB >= c.AHADI_UPLOAD_MAX_MB, {
  path: ['AHADI_UPLOAD_QUOTA_MB'], message: 'expected at least AHADI_UPLOAD_MAX_MB, the largest file',
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  dbPoolSize: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Folder of uploaded evidence, stored by content (`<dataDir>/evidence`). */
  evidenceDir: string;
  uploadMaxBytes: number;
  /** Bytes of evidence files one account may upload in 24 hours (`AHADI_UPLOAD_QUOTA_MB`). */
  uploadQuotaBytes: number;
  /** Load the demo data set and accounts into an empty database at the start of `serve`. */
  demo: boolean;
  /** Fastify's `trustProxy`: the proxies' addresses, never "every address" (see parseTrustProxy). */
  trustProxy: string | undefined;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // One whole line per variable: a service's log shows each on its own, and a search for the name finds it.
    throw new ConfigError(lines.map((line) => `Invalid configuration: ${line}`).join('\n'));
  }
  const c = parsed.data;
  // An IPv6 address (HOST=::) goes in brackets, or the default address is no URL.
  const baseUrl = (c.AHADI_BASE_URL ?? `http://${isIP(c.HOST) === 6 ? `[${c.HOST}]` : c.HOST}:${c.PORT}`).replace(/\/$/, '');
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.AHADI_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    baseUrl,
    dbPoolSize: c.AHADI_DB_POOL_SIZE,
    smtpUrl: c.AHADI_SMTP_URL,
    mailFrom: c.AHADI_MAIL_FROM ?? `Ahadi <no-reply@${new URL(baseUrl).hostname}>`,
    evidenceDir: path.join(path.resolve(c.AHADI_DATA_DIR), 'evidence'),
    uploadMaxBytes: c.AHADI_UPLOAD_MAX_MB * 1024 * 1024,
    uploadQuotaBytes: c.AHADI_UPLOAD_QUOTA_MB * 1024 * 1024,
    trustProxy: parseTrustProxy(c.AHADI_TRUST_PROXY),
    demo: c.AHADI_DEMO === undefined ? c.DATABASE_URL === undefined : c.AHADI_DEMO === 'true',
  };
}

/**
 * `true` is not Fastify's `true`: that believes the first address of X-Forwarded-For, which is whatever the visitor
 * wrote there when the proxy appends to the header (nginx's `$proxy_add_x_forwarded_for`, the usual set-up), and so
 * lets anyone choose the address the sign-in limit counts. Here it trusts the loopback, link-local and private
 * ranges: the header is read from the right, past those addresses only, so a visitor's own entries are never
 * reached. (Fastify refuses hop counts for the same reason: a direct visitor could write enough hops.)
 */
const PRIVATE_PROXIES = 'loopback,linklocal,uniquelocal';

function parseTrustProxy(value: string | undefined): string | undefined {
  if (value === undefined || value === 'false') return undefined;
  if (value === 'true') return PRIVATE_PROXIES;
  return value.split(',').map((entry) => entry.trim()).join(',');
}

/** An address or range Fastify's `trustProxy` takes: `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`. */
function isProxyAddress(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function isHostName(value: string): boolean {
  return URL.canParse(`http://${value}/`) && new URL(`http://${value}/`).hostname === value.toLowerCase();
}

function isOrigin(url: string): boolean {
  const { pathname, search, hash } = new URL(url);
  return pathname === '/' && search === '' && hash === '';
}

// An empty variable (`PORT=`) means "not set", as in most shells' configs.
function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

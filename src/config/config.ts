import path from 'node:path';
import { z } from 'zod';

/**
 * Ahadi's whole configuration, read once from the environment at start-up.
 * Every variable has a working default so a newcomer needs none of them.
 */
const ConfigSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the HTTP server binds to. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder for the embedded database and uploaded files. */
  AHADI_DATA_DIR: z.string().min(1).default('./data'),
  /** When set, a PostgreSQL server (15 or later) used instead of the embedded one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Public address of the portal, used in links that leave the site (feeds, e-mails). */
  AHADI_BASE_URL: z.url().optional(),
  /** Size of the connection pool of each app process. */
  AHADI_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** SMTP server for e-mail (`smtps://user:password@mail.example.org`); unset, messages wait in the admin outbox. */
  AHADI_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of the portal's e-mail. */
  AHADI_MAIL_FROM: z.string().min(3).optional(),
  /** Largest evidence file accepted, in megabytes. */
  AHADI_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /**
   * Behind a reverse proxy: `true` or the proxy's addresses, comma-separated (Fastify's `trustProxy`), so that the
   * sign-in rate limit counts the visitor's address, not the proxy's. Unset: the connection's address is used.
   */
  AHADI_TRUST_PROXY: z.string().min(1).optional(),
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
  trustProxy: boolean | string | undefined;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  const baseUrl = (c.AHADI_BASE_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, '');
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
    trustProxy: parseTrustProxy(c.AHADI_TRUST_PROXY),
  };
}

function parseTrustProxy(value: string | undefined): boolean | string | undefined {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

// An empty variable (`PORT=`) means "not set", as in most shells' configs.
function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

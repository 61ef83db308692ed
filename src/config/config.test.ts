import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('has working defaults for everything', () => {
    const config = readConfig({});
    expect(config).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: path.resolve('./data'), databaseUrl: undefined,
      baseUrl: 'http://127.0.0.1:3000', dbPoolSize: 10, smtpUrl: undefined, mailFrom: 'Ahadi <no-reply@127.0.0.1>',
      evidenceDir: path.resolve('./data/evidence'), uploadMaxBytes: 20 * 1024 * 1024, uploadQuotaBytes: 500 * 1024 * 1024,
      trustProxy: undefined, demo: true,
    });
  });

  it('reads the SMTP server and the sender, refusing a URL that is not SMTP', () => {
    const config = readConfig({ AHADI_SMTP_URL: 'smtps://u:p@mail.example.org:465', AHADI_BASE_URL: 'https://ahadi.example.org' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.org:465', mailFrom: 'Ahadi <no-reply@ahadi.example.org>' });
    expect(readConfig({ AHADI_MAIL_FROM: 'OGP Kenya <ogp@example.org>' }).mailFrom).toBe('OGP Kenya <ogp@example.org>');
    expect(() => readConfig({ AHADI_SMTP_URL: 'https://mail.example.org' })).toThrow(/AHADI_SMTP_URL:/);
  });

  it('reads each variable, treating an empty one as unset', () => {
    const config = readConfig({
      PORT: '8080', HOST: '0.0.0.0', AHADI_DATA_DIR: '/srv/ahadi', DATABASE_URL: 'postgres://u:p@db:5432/ahadi',
      AHADI_BASE_URL: 'https://ahadi.example.org/', AHADI_DB_POOL_SIZE: '', AHADI_UPLOAD_MAX_MB: '5', AHADI_TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 8080, host: '0.0.0.0', dataDir: '/srv/ahadi', databaseUrl: 'postgres://u:p@db:5432/ahadi',
      baseUrl: 'https://ahadi.example.org', dbPoolSize: 10, evidenceDir: '/srv/ahadi/evidence', uploadMaxBytes: 5 * 1024 * 1024,
      trustProxy: 'loopback,linklocal,uniquelocal',
    });
    expect(readConfig({ AHADI_TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy).toBe('10.0.0.1,10.0.0.2');
    expect(readConfig({ AHADI_TRUST_PROXY: '10.0.0.0/8, fd00::/8' }).trustProxy).toBe('10.0.0.0/8,fd00::/8');
    expect(readConfig({ AHADI_TRUST_PROXY: 'false' }).trustProxy).toBeUndefined();
  });

  it('refuses a proxy setting Fastify would read otherwise than meant, naming the variable', () => {
    // "yes" and "1" are not addresses (Fastify would take a number as "trust nothing"); a bad range stops the start.
    for (const value of ['yes', '1', '10.0.0.1,proxy.internal', '10.0.0.0/33', '10.0.0.1/8/8', '10.0.0.1,,10.0.0.2']) {
      expect(() => readConfig({ AHADI_TRUST_PROXY: value }), value).toThrow(/AHADI_TRUST_PROXY: expected true, false or the proxies' addresses/);
    }
  });

  it('refuses a base address with a path, which feeds and e-mails would link to while pages link from the root', () => {
    for (const value of ['https://example.org/portal', 'https://example.org/?a=1', 'ftp://example.org']) {
      expect(() => readConfig({ AHADI_BASE_URL: value }), value).toThrow(/AHADI_BASE_URL: /);
    }
    expect(readConfig({ AHADI_BASE_URL: 'https://ahadi.example.org:8443/' }).baseUrl).toBe('https://ahadi.example.org:8443');
  });

  it('takes any interface to listen on, IPv6 too, and refuses what is no address or host name', () => {
    expect(readConfig({ HOST: '::', PORT: '8080' }).baseUrl).toBe('http://[::]:8080');
    expect(readConfig({ HOST: 'portal.internal' }).baseUrl).toBe('http://portal.internal:3000');
    for (const value of ['999.1.1.1', 'two words', 'http://x']) {
      expect(() => readConfig({ HOST: value }), value).toThrow(/HOST: expected an IP address or a host name/);
    }
  });

  it('says what each bad number should be, one whole line per variable', () => {
    expect(() => readConfig({ PORT: 'abc', AHADI_DB_POOL_SIZE: '0', AHADI_UPLOAD_MAX_MB: '2.5', DATABASE_URL: 'localhost/ahadi' })).toThrow(
      'Invalid configuration: PORT: expected a port number, 0 to 65535\n' +
      'Invalid configuration: DATABASE_URL: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE\n' +
      'Invalid configuration: AHADI_DB_POOL_SIZE: expected a number of connections, 1 to 100\n' +
      'Invalid configuration: AHADI_UPLOAD_MAX_MB: expected a number of megabytes, 1 to 1024');
    expect(readConfig({ PORT: ' 8080 ', AHADI_DB_POOL_SIZE: '100' })).toMatchObject({ port: 8080, dbPoolSize: 100 });
  });

  it('reads the evidence quota per account and day, refusing one that no file of the largest size fits', () => {
    expect(readConfig({ AHADI_UPLOAD_QUOTA_MB: '50' }).uploadQuotaBytes).toBe(50 * 1024 * 1024);
    expect(readConfig({ AHADI_UPLOAD_QUOTA_MB: '5', AHADI_UPLOAD_MAX_MB: '5' }).uploadQuotaBytes).toBe(5 * 1024 * 1024);
    for (const value of ['0', '-1', '1.5', 'lots', '1048577']) {
      expect(() => readConfig({ AHADI_UPLOAD_QUOTA_MB: value }), value)
        .toThrow('Invalid configuration: AHADI_UPLOAD_QUOTA_MB: expected a number of megabytes, 1 to 1048576');
    }
    expect(() => readConfig({ AHADI_UPLOAD_QUOTA_MB: '10' }))
      .toThrow('Invalid configuration: AHADI_UPLOAD_QUOTA_MB: expected at least AHADI_UPLOAD_MAX_MB, the largest file');
  });

  it('reads AHADI_DEMO as true or false only', () => {
    expect(readConfig({ AHADI_DEMO: 'false' }).demo).toBe(false);
    // Unset: the demo on the embedded database only; a server named by DATABASE_URL is taken for production.
    expect(readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/ahadi' }).demo).toBe(false);
    expect(readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/ahadi', AHADI_DEMO: 'true' }).demo).toBe(true);
    expect(() => readConfig({ AHADI_DEMO: 'no' })).toThrow(/AHADI_DEMO: expected true or false/);
  });

  it('names every bad variable', () => {
    expect(() => readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT:/);
      expect((error as Error).message).toMatch(/DATABASE_URL:/);
    }
  });
});

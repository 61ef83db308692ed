import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('has working defaults for everything', () => {
    const config = readConfig({});
    expect(config).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: path.resolve('./data'), databaseUrl: undefined,
      baseUrl: 'http://127.0.0.1:3000', dbPoolSize: 10, smtpUrl: undefined, mailFrom: 'Ahadi <no-reply@127.0.0.1>',
      evidenceDir: path.resolve('./data/evidence'), uploadMaxBytes: 20 * 1024 * 1024, trustProxy: undefined,
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
      trustProxy: true,
    });
    expect(readConfig({ AHADI_TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy).toBe('10.0.0.1,10.0.0.2');
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { intlFor } from '../../i18n/intl.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /{locale}/api', () => {
  it.each(LOCALES)('lists every operation with its parameters and an example, in %s', async (locale) => {
    const res = await t.app.inject(`/${locale}/api`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${locale}">`);
    const document = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { operationId: string; 'x-ahadi-example': string }>> };
    const intl = intlFor(locale);
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods)) {
        expect(res.body).toContain(`<code>GET ${path}</code>`);
        expect(res.body).toContain(`id="op-${operation.operationId}"`);
        expect(res.body).toContain(`href="${operation['x-ahadi-example']}"`);
      }
    }
    expect(res.body).toContain(intl.t('api.param.cursor'));
    expect(res.body).toContain('href="/api/v1/openapi.json"');
  });

  it('answers an unknown language with a 404 page', async () => {
    expect((await t.app.inject('/de/api')).statusCode).toBe(404);
  });
});

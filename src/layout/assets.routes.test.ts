import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { icon, stylesheet } from './assets.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('the stylesheet and the icon', () => {
  it('are served under their hash, to be kept forever, with their type', async () => {
    for (const [asset, type] of [[stylesheet, 'text/css; charset=utf-8'], [icon, 'image/svg+xml']] as const) {
      const res = await t.app.inject(asset.url);
      expect(res.statusCode, asset.url).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.equals(asset.body)).toBe(true);
    }
  });

  it('the icon is named by every page, and /favicon.ico leads to it, so no browser meets a missing icon', async () => {
    for (const url of ['/en/', '/fr/commitments', '/sw/sign-in']) {
      expect((await t.app.inject(url)).body, url).toContain(`<link rel="icon" href="${icon.url}" type="image/svg+xml"/>`);
    }
    const favicon = await t.app.inject('/favicon.ico');
    expect(favicon.statusCode).toBe(301);
    expect(favicon.headers.location).toBe(icon.url);
  });
});

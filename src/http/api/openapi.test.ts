import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadMessages } from '../../i18n/intl.ts';
import { paramDescriptionKey, type OpenApiDocument } from './openapi.ts';

let t: TestApp;
let document: OpenApiDocument;
beforeAll(async () => {
  t = await createTestApp();
  document = (await t.app.inject('/api/v1/openapi.json')).json();
});
afterAll(async () => { await t.close(); });

/** Every GET route of the app, with its full path, read from Fastify's route tree. */
function registeredGetRoutes(): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│   |    )*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    if ((match[3] ?? '').split(', ').includes('GET')) routes.push(stack.join(''));
  }
  return routes;
}

const operations = () => Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('lists every /api/v1 route, and nothing else', () => {
    const registered = registeredGetRoutes().filter((r) => r.startsWith('/api/v1/') && r !== '/api/v1/openapi.json').sort();
    const documented = Object.keys(document.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')).sort();
    expect(registered.length).toBeGreaterThanOrEqual(14);
    expect(documented).toEqual(registered);
  });

  it('describes each operation and parameter from the locale file, with an example', () => {
    const english = loadMessages('en');
    for (const { path, operation } of operations()) {
      expect(operation.operationId, path).toBeTruthy();
      expect(operation.summary, path).toBe(english[`api.operation.${operation.operationId}`]);
      expect(operation['x-ahadi-example'], path).toMatch(/^\/api\/v1\//);
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['200', '304', '400']));
      for (const parameter of operation.parameters ?? []) {
        expect(english[paramDescriptionKey(operation.operationId!, parameter.name)], `${path} ${parameter.name}`).toBeTruthy();
        expect(parameter.description).toBe(english[paramDescriptionKey(operation.operationId!, parameter.name)]);
      }
    }
  });

  it('documents query parameters with defaults or repeatable values as optional', () => {
    const list = document.paths['/api/v1/commitments']!.get!;
    expect(list.parameters?.every((p) => p.required === false)).toBe(true);
    expect(list.parameters?.find((p) => p.name === 'member')?.schema?.type).toBe('array');
    expect(list.parameters?.find((p) => p.name === 'limit')?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
  });
});

describe('every documented operation', () => {
  it('answers its example with 200 JSON that the cache may keep for a minute, and 304 when unchanged', async () => {
    for (const { operation } of operations()) {
      const url = operation['x-ahadi-example']!;
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('application/json');
      expect(res.headers['cache-control'], url).toBe('public, max-age=60');
      expect(res.headers.etag, url).toMatch(/^W\/"/);
      const again = await t.app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      expect(again.headers.etag).toBe(res.headers.etag);
      // Answered from the kept response (decision 021): the same bytes, type and tag.
      const changed = await t.app.inject({ url, headers: { 'if-none-match': 'W/"something-else"' } });
      expect(changed.statusCode, url).toBe(200);
      expect(changed.body, url).toBe(res.body);
      expect(changed.headers['content-type'], url).toBe(res.headers['content-type']);
      expect(changed.headers.etag, url).toBe(res.headers.etag);
    }
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no such page' } });
  });
});

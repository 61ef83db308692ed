import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, linkErrorMessage } from './link-check.ts';

let server: Server;
let base: string;
const local = { allowPrivateNetwork: true };
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const left = Number(hop[1]);
      response.writeHead(left === 0 ? 200 : 302, left === 0 ? { 'content-type': 'text/plain' } : { location: left === 1 ? '/report' : `/hop/${left - 1}` });
      return response.end(left === 0 ? 'end' : '');
    }
    switch (url.pathname) {
      case '/report': response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); return response.end('<h1>Report</h1>');
      case '/missing': response.writeHead(404); return response.end('not here');
      case '/big': response.writeHead(200, { 'content-length': '5000' }); return response.end('x'.repeat(5000));
      case '/big-chunked': {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        for (let i = 0; i < 10; i += 1) response.write('y'.repeat(1000));
        return response.end();
      }
      case '/to-file': response.writeHead(301, { location: 'file:///etc/passwd' }); return response.end();
      case '/slow': return; // never answers
      default: response.writeHead(500); return response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('checkLink', () => {
  it('records the SHA-256 of the body, its media type and when it was fetched', async () => {
    const before = Date.now();
    const result = await checkLink(`${base}/report`, local);
    expect(result).toMatchObject({ ok: true, sha256: sha('<h1>Report</h1>'), mediaType: 'text/html' });
    if (result.ok) expect(result.fetchedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('names the HTTP status of a page that is not there', async () => {
    expect(await checkLink(`${base}/missing`, local)).toEqual({ ok: false, error: 'http_404' });
    expect(await checkLink(`${base}/error`, local)).toEqual({ ok: false, error: 'http_500' });
  });

  it('follows up to three redirects, checking each target', async () => {
    expect(await checkLink(`${base}/hop/3`, local)).toMatchObject({ ok: true, sha256: sha('<h1>Report</h1>') });
    expect(await checkLink(`${base}/hop/4`, local)).toEqual({ ok: false, error: 'too_many_redirects' });
    expect(await checkLink(`${base}/to-file`, local)).toEqual({ ok: false, error: 'unsupported_scheme' });
  });

  it('refuses loopback, private and link-local addresses unless told otherwise, by address or by name', async () => {
    const port = new URL(base).port;
    for (const url of [`${base}/report`, `http://localhost:${port}/report`, 'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'http://2130706433/']) {
      expect(await checkLink(url, { timeoutMs: 2000 }), url).toEqual({ ok: false, error: 'private_address' });
    }
  });

  it('stops reading a body larger than the limit, announced or not', async () => {
    expect(await checkLink(`${base}/big`, { ...local, maxBytes: 4096 })).toEqual({ ok: false, error: 'too_large' });
    expect(await checkLink(`${base}/big-chunked`, { ...local, maxBytes: 4096 })).toEqual({ ok: false, error: 'too_large' });
    expect(await checkLink(`${base}/big-chunked`, { ...local, maxBytes: 10_000 })).toMatchObject({ ok: true, mediaType: 'application/octet-stream' });
  });

  it('gives up after the timeout', async () => {
    expect(await checkLink(`${base}/slow`, { ...local, timeoutMs: 300 })).toEqual({ ok: false, error: 'timeout' });
  });

  it('refuses what is not an http or https address', async () => {
    expect(await checkLink('not a url')).toEqual({ ok: false, error: 'invalid_url' });
    for (const url of ['ftp://ogp.example.org/file.pdf', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi']) {
      expect(await checkLink(url), url).toEqual({ ok: false, error: 'unsupported_scheme' });
    }
  });

  it('says when a name does not resolve', async () => {
    expect(await checkLink('http://no-such-host.invalid/', { timeoutMs: 5000 })).toEqual({ ok: false, error: 'dns_failure' });
  });
});

describe('linkErrorMessage', () => {
  it('maps each stored error to a message key', () => {
    expect(linkErrorMessage('http_404')).toEqual({ key: 'evidence.linkError.http', values: { status: 404 } });
    expect(linkErrorMessage('too_many_redirects')).toEqual({ key: 'evidence.linkError.tooManyRedirects', values: {} });
    expect(linkErrorMessage('private_address')).toEqual({ key: 'evidence.linkError.privateAddress', values: {} });
    expect(linkErrorMessage('something new')).toEqual({ key: 'evidence.linkError.connectionFailed', values: {} });
  });
});

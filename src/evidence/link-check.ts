import { createHash } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './network-address.ts';

/**
 * Checks a link given as evidence: fetches it once and records the SHA-256 of what it served, its content type and
 * when, so a later reader can tell whether the page changed (decision 014). The fetch is made by the server for
 * whoever typed the address, so it refuses to reach the server's own network (SSRF): every address a name resolves
 * to is checked, and the connection goes to the checked address (no second lookup a DNS rebinding could answer
 * differently); each redirect is checked the same way. Failures are short stable strings, stored in
 * `evidence_items.link_error` and shown through the `evidence.linkError.*` messages.
 */
export type LinkCheck = { ok: true; sha256: string; mediaType: string | null; fetchedAt: Date } | { ok: false; error: string };
export type LinkCheckOptions = { timeoutMs?: number; maxBytes?: number; allowPrivateNetwork?: boolean };

const LINK_ERRORS = [
  'invalid_url', 'unsupported_scheme', 'private_address', 'dns_failure', 'connection_failed', 'timeout',
  'too_many_redirects', 'too_large',
] as const;
type LinkError = (typeof LINK_ERRORS)[number];

/** The interface message of a stored `link_error`: `http_404` reads "The site answered 404", and so on. */
export function linkErrorMessage(error: string): { key: string; values: Record<string, number> } {
  const status = /^http_(\d{3})$/.exec(error);
  if (status) return { key: 'evidence.linkError.http', values: { status: Number(status[1]) } };
  const known = (LINK_ERRORS as readonly string[]).includes(error) ? error : 'connection_failed';
  return { key: `evidence.linkError.${known.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}`, values: {} };
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class LinkFailure extends Error {
  constructor(readonly reason: LinkError) {
    super(reason);
  }
}

export async function checkLink(url: string, options: LinkCheckOptions = {}): Promise<LinkCheck> {
  const settings = { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: options.maxBytes ?? 20 * 1024 * 1024, allowPrivateNetwork: options.allowPrivateNetwork ?? false };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    let target = parse(url);
    for (let redirects = 0; ; redirects += 1) {
      const response = await get(target, settings.allowPrivateNetwork, signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (redirects === MAX_REDIRECTS) throw new LinkFailure('too_many_redirects');
        target = parse(location, target);
        continue;
      }
      if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) > 299) {
        response.destroy();
        // The status is part of the error ("http_404"): the reader learns what the server said.
        return { ok: false, error: `http_${response.statusCode ?? 0}` };
      }
      const sha256 = await digest(response, settings.maxBytes);
      return { ok: true, sha256, mediaType: mediaTypeOf(response), fetchedAt: new Date() };
    }
  } catch (error) {
    if (error instanceof LinkFailure) return { ok: false, error: error.reason };
    if (signal.aborted) return { ok: false, error: 'timeout' };
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'dns_failure' : 'connection_failed' };
  }
}

/** An absolute address, or a redirect's `Location` read against the address that sent it. */
function parse(href: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    throw new LinkFailure('invalid_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LinkFailure('unsupported_scheme');
  return url;
}

function get(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is never looked up, so it is checked here; names are checked by `checkedLookup`.
  if (isIP(host) && !allowPrivate && isPrivateAddress(host)) throw new LinkFailure('private_address');
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      signal, lookup: checkedLookup(allowPrivate), agent: false,
      headers: { 'user-agent': 'Ahadi evidence link check', accept: '*/*' },
    }, resolve);
    request.on('error', reject);
  });
}

/** dns.lookup, refusing the whole name when any of its addresses is private. */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
        return callback(new LinkFailure('private_address'), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

async function digest(response: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw new LinkFailure('too_large');
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new LinkFailure('too_large');
    }
    hash.update(chunk);
  }
  return hash.digest('hex');
}

function mediaTypeOf(response: IncomingMessage): string | null {
  const essence = response.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return essence ? essence : null;
}

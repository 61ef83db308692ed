import autocannon from 'autocannon';
import { withTimeout } from './processes.ts';

/**
 * One measurement with autocannon: `connections` keep-alive connections sending requests back to back for
 * `seconds`. Latencies are recorded per response (autocannon's own summary has p97.5 but no p95), and the rate
 * counts successful (2xx) responses only.
 */
export type LoadResult = {
  url: string;
  seconds: number;
  requests: number;
  /** 2xx responses a second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
};

export async function measure(url: string, settings: { connections: number; seconds: number; headers?: Record<string, string> }, paths?: string[]): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let bytes = 0;
  const instance = autocannon({
    url, connections: settings.connections, duration: settings.seconds, timeout: 10, headers: settings.headers, ...(paths ? rotating(paths) : {}),
  });
  instance.on('response', (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) {
      ok++;
      bytes += resBytes;
      latencies.push(responseTime);
    }
  });
  // autocannon stops itself after `seconds`; the limit is a safety net that stops it if it does not.
  const result = await withTimeout(Promise.resolve(instance), (settings.seconds + 30) * 1000, `load on ${url}`)
    .catch((error: unknown) => {
      instance.stop();
      throw error;
    });
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! : NaN);
  return {
    url,
    seconds: result.duration,
    requests: ok,
    rps: ok / result.duration,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: ok ? bytes / ok : 0,
  };
}

/**
 * Requests that take `paths` in turn across all connections, so that each request of a round asks for another page:
 * for measuring what pages cost when no cache holds them.
 */
function rotating(paths: string[]): { requests: { setupRequest: (request: { path: string }) => { path: string } }[] } {
  let next = 0;
  return { requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }] };
}

/** A short load to fill caches and let the JIT settle before measuring (its figures are thrown away). */
export async function warmUp(url: string, settings: { connections: number; seconds: number; headers?: Record<string, string> }, paths?: string[]): Promise<void> {
  await measure(url, settings, paths);
}

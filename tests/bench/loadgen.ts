/**
 * A small loopback load generator: `connections` keep-alive connections, each sending its next
 * request as soon as the previous response has been read, cycling through `paths`, for a fixed
 * number of requests (or time). The same generator drives the app and its static baseline, so its own cost
 * (on the same two cores) lands on both sides of the ratio.
 */
import { Agent, request } from 'node:http';
import { percentile } from './stats.ts';

export type LoadOptions = {
  connections: number;
  /** Requests measured (after the warm-up). */
  requests: number;
  /** Stop issuing requests after this long even if fewer were sent (a slow endpoint on a busy machine). */
  maxMs?: number;
  /** Unmeasured requests first, spread over the connections: fills caches, opens sockets. */
  warmup?: number;
  headers?: Record<string, string>;
};

export type LoadResult = {
  connections: number;
  requests: number;
  p50: number;
  p99: number;
  reqPerSec: number;
  /** Response bytes as sent (compressed where the server compressed). */
  bytes: number;
  errors: number;
  statuses: Record<string, number>;
};

function once(agent: Agent, origin: URL, path: string, headers: Record<string, string>): Promise<{ ms: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ host: origin.hostname, port: origin.port, path, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function loadTest(origin: string, paths: readonly string[], opts: LoadOptions): Promise<LoadResult> {
  if (!paths.length) throw new Error('loadTest needs at least one path');
  const base = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const headers = { 'accept-encoding': 'gzip', ...opts.headers };
  try {
    let next = 0;
    const path = () => paths[next++ % paths.length]!;
    const warm = opts.warmup ?? 0;
    let warmed = 0;
    await Promise.all(
      Array.from({ length: Math.min(opts.connections, Math.max(warm, 1)) }, async () => {
        while (warmed < warm) {
          warmed++;
          await once(agent, base, path(), headers);
        }
      }),
    );
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let bytes = 0;
    let errors = 0;
    let issued = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        while (issued < opts.requests && performance.now() - t0 < (opts.maxMs ?? Infinity)) {
          issued++;
          try {
            const r = await once(agent, base, path(), headers);
            latencies.push(r.ms);
            bytes += r.bytes;
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (r.status >= 400) errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    const wallMs = performance.now() - t0;
    return {
      connections: opts.connections,
      requests: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      reqPerSec: (latencies.length / wallMs) * 1000,
      bytes,
      errors,
      statuses,
    };
  } finally {
    agent.destroy();
  }
}

/** Captures responses exactly as sent (still compressed), for the static baseline to replay. */
export function capture(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const base = new URL(origin);
    const req = request({ host: base.hostname, port: base.port, path, headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary']) {
          const v = res.headers[name];
          if (typeof v === 'string') h[name] = v;
        }
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

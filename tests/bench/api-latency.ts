import { request } from 'node:http';
import { percentile } from './stats.ts';

/** The bytes and headers of one response exactly as they went over the wire (still compressed). */
export type CapturedBody = { body: Buffer; headers: Record<string, string> };

/** What fetch (undici) sends by default over http, and what a browser would also accept. */
const ACCEPT_ENCODING = 'gzip, deflate';

/**
 * Raw capture with node:http, because fetch would decompress: the baseline must serve the very
 * bytes the app sent, so that neither side has more to transfer or decode.
 */
export function captureBody(url: string): Promise<CapturedBody> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': ACCEPT_ENCODING, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'content-encoding', 'vary']) {
          const v = res.headers[name];
          if (typeof v === 'string') headers[name] = v;
        }
        resolve({ body: Buffer.concat(chunks), headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export type LoadResult = { requests: number; p50: number; p99: number; reqPerSec: number; contentEncoding: string };

async function timedGet(url: string, encodings: Set<string>): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  encodings.add(res.headers.get('content-encoding') ?? 'identity');
  return ms;
}

/**
 * `clients` loops that each issue the next request as soon as their previous one has been read,
 * until `total` requests are done. fetch's pool opens one keep-alive connection per busy client.
 */
export async function load(url: string, { clients, total, warmup }: { clients: number; total: number; warmup: number }): Promise<LoadResult> {
  const encodings = new Set<string>();
  for (let i = 0; i < warmup; i++) await timedGet(url, encodings);
  const latencies: number[] = [];
  let issued = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        issued++;
        latencies.push(await timedGet(url, encodings));
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    reqPerSec: (latencies.length / wallMs) * 1000,
    contentEncoding: [...encodings].join(','),
  };
}

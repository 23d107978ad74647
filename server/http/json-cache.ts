/**
 * JSON bodies serialised and gzipped once per data version and query, then served as bytes: on
 * the national set the zone list is ~1.5 MB of JSON, and a viewport of plots ~100 kB, whose
 * serialisation and compression cost more than the queries behind them. A cache, never
 * authoritative: the key carries the data stamp, and it is bounded in bytes (least recently used
 * entries go first).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

export type CachedJson = { json: string; gzip: Buffer; etag: string };

export class JsonCache {
  private entries = new Map<string, CachedJson>();
  private bytes = 0;
  private pending = new Map<string, Promise<CachedJson>>();

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** The cached body for `key`, built (once, however many ask at the same time) when missing. */
  async get(key: string, build: () => Promise<unknown>): Promise<CachedJson> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    let job = this.pending.get(key);
    if (!job) {
      job = build()
        .then((value) => this.put(key, value))
        .finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  private put(key: string, value: unknown): CachedJson {
    const json = JSON.stringify(value);
    const entry: CachedJson = { json, gzip: gzipSync(json), etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"` };
    const size = json.length + entry.gzip.length;
    if (size > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.json.length + e.gzip.length;
    }
    return entry;
  }
}

/** Sends a cached body: gzip when the client takes it, 304 when it already has this version. */
export function sendCachedJson(c: Context, body: CachedJson): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', ETag: body.etag, Vary: 'Accept-Encoding' };
  const known = c.req.header('If-None-Match');
  if (known?.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) return c.body(null, 304, headers);
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(new Uint8Array(body.gzip), 200, { ...headers, 'Content-Encoding': 'gzip' });
  return c.body(body.json, 200, headers);
}

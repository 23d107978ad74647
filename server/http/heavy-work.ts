/**
 * Heavy work (file exports) kept from starving the map reads that share this process:
 *
 * - Results are cached per data stamp and request: an export is deterministic, so a client
 *   looping on one Shapefile gets the same bytes back without rebuilding them (issue #14: one such
 *   client made GET /api/zones/:id take 2.5 s instead of 2 ms).
 * - At most `running` jobs build at once, and at most `waiting` queue behind them; beyond that the
 *   caller gets HeavyQueueFull, which the route answers with 503 and Retry-After. Identical
 *   requests arriving together share one job.
 */
export class HeavyQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too much heavy work queued');
  }
}

type Sized = { bytes: Uint8Array };

export class HeavyWork<T extends Sized> {
  private cache = new Map<string, T>();
  private cachedBytes = 0;
  private pending = new Map<string, Promise<T>>();
  private active = 0;
  private queue: (() => void)[] = [];

  constructor(private readonly opts: { running: number; waiting: number; maxCacheBytes: number; retryAfterSeconds: number }) {}

  /** Whether the result for `key` is at hand (for the X-Cache header). */
  has(key: string) {
    return this.cache.has(key);
  }

  async run(key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return hit;
    }
    const same = this.pending.get(key);
    if (same) return same;
    if (this.active >= this.opts.running && this.queue.length >= this.opts.waiting) throw new HeavyQueueFull(this.opts.retryAfterSeconds);
    const job = this.slot(build)
      .then((value) => {
        this.put(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, job);
    return job;
  }

  private async slot(build: () => Promise<T>): Promise<T> {
    if (this.active >= this.opts.running) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await build();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private put(key: string, value: T) {
    const size = value.bytes.byteLength;
    if (size > this.opts.maxCacheBytes / 4) return; // one huge file must not evict everything else
    this.cache.set(key, value);
    this.cachedBytes += size;
    for (const [k, v] of this.cache) {
      if (this.cachedBytes <= this.opts.maxCacheBytes) break;
      this.cache.delete(k);
      this.cachedBytes -= v.bytes.byteLength;
    }
  }
}

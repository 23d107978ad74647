/**
 * Heavy work (file exports, import checks, large OGC pages) kept from starving the map reads that
 * share this process; each kind has its own queue of this class:
 *
 * - Results with a key are cached per data stamp and request: an export or a page is
 *   deterministic, so a client looping on one Shapefile gets the same bytes back without
 *   rebuilding them (issue #14: one such client made GET /api/zones/:id take 2.5 s instead of
 *   2 ms). Identical requests arriving together share one job. Work with a null key (an import)
 *   is only queued.
 * - At most `running` jobs build at once, and at most `waiting` queue behind them; beyond that the
 *   caller gets HeavyQueueFull, which the route answers with 503 and Retry-After (./busy.ts).
 */
export class HeavyQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too much heavy work queued');
  }
}

/** The bytes a cached result holds (what the cache's bound counts); uncached work may answer anything. */
const sizeOf = (value: unknown) => (value as { bytes?: Uint8Array }).bytes?.byteLength ?? 0;

export class HeavyWork<T> {
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

  /**
   * Waits for a slot and resolves with the function that gives it back, for work that outlives
   * one promise (a page streamed to its client). Throws HeavyQueueFull like `run`.
   */
  async enter(): Promise<() => void> {
    this.refuseWhenFull();
    return this.acquire();
  }

  async run(key: string | null, build: () => Promise<T>): Promise<T> {
    if (key === null) {
      this.refuseWhenFull();
      return this.slot(build);
    }
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return hit;
    }
    const same = this.pending.get(key);
    if (same) return same;
    this.refuseWhenFull();
    const job = this.slot(build)
      .then((value) => {
        this.put(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, job);
    return job;
  }

  private refuseWhenFull() {
    if (this.active >= this.opts.running && this.queue.length >= this.opts.waiting) throw new HeavyQueueFull(this.opts.retryAfterSeconds);
  }

  private async acquire(): Promise<() => void> {
    if (this.active >= this.opts.running) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active--;
      this.queue.shift()?.();
    };
  }

  private async slot(build: () => Promise<T>): Promise<T> {
    const leave = await this.acquire();
    try {
      return await build();
    } finally {
      leave();
    }
  }

  private put(key: string, value: T) {
    const size = sizeOf(value);
    if (size > this.opts.maxCacheBytes / 4) return; // one huge file must not evict everything else
    this.cache.set(key, value);
    this.cachedBytes += size;
    for (const [k, v] of this.cache) {
      if (this.cachedBytes <= this.opts.maxCacheBytes) break;
      this.cache.delete(k);
      this.cachedBytes -= sizeOf(v);
    }
  }
}

/** Encoded tiles by z/x/y, least recently used first out once over a byte budget. */
import { bboxesIntersect, type BBox } from './tile-math.ts';
import type { Invalidation } from './store.ts';

export type CachedTile = {
  /** The tile as encoded; empty for a tile with nothing in it. */
  raw: Uint8Array;
  /** The same, gzip-compressed; null when too small to be worth it. */
  gzip: Uint8Array | null;
  /** Strong validator: a hash of `raw`, so it changes exactly when the tile does. */
  etag: string;
  /** Where the tile lies (with its buffer): edits there drop it. */
  bbox: BBox;
};

export class TileCache {
  private entries = new Map<string, CachedTile>();
  private size = 0;
  readonly stats = { hits: 0, misses: 0, evictions: 0, invalidated: 0 };

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get bytes() {
    return this.size;
  }
  get count() {
    return this.entries.size;
  }

  private static cost(t: CachedTile) {
    return t.raw.byteLength + (t.gzip?.byteLength ?? 0) + 200;
  }

  get(key: string): CachedTile | undefined {
    const hit = this.entries.get(key);
    if (!hit) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, tile: CachedTile) {
    const old = this.entries.get(key);
    if (old) {
      this.size -= TileCache.cost(old);
      this.entries.delete(key);
    }
    this.entries.set(key, tile);
    this.size += TileCache.cost(tile);
    for (const [k, t] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(k);
      this.size -= TileCache.cost(t);
      this.stats.evictions++;
    }
  }

  invalidate(what: Invalidation) {
    if (what === 'all') {
      this.stats.invalidated += this.entries.size;
      this.entries.clear();
      this.size = 0;
      return;
    }
    if (!what.length) return;
    for (const [k, t] of this.entries) {
      if (what.some((b) => bboxesIntersect(b, t.bbox))) {
        this.entries.delete(k);
        this.size -= TileCache.cost(t);
        this.stats.invalidated++;
      }
    }
  }
}

/**
 * Vector tiles on demand: the store says which zones and plots fall in a tile, geojson-vt and
 * vt-pbf encode it, and the cache keeps it (raw and gzip, with its ETag) until an edit over it or
 * memory pressure drops it. Concurrent requests for the same missing tile share one encoding.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Feature } from 'geojson';
import { GEOJSON_MAX_PLOTS, GEOJSON_MAX_ZONES, TILE_LAYERS, type TileLayer, type TileMeta } from '../../geodata/tiles.ts';
import type { Database } from '../db/database.ts';
import { TileCache, type CachedTile } from './cache.ts';
import { encodeTile, TILE_BUFFER, TILE_EXTENT } from './encode.ts';
import { TileStore, type TileStoreOptions } from './store.ts';
import { tileBBox } from './tile-math.ts';

export { TILE_LAYERS, type TileLayer, type TileMeta };
export const isTileLayer = (s: string): s is TileLayer => Object.hasOwn(TILE_LAYERS, s);

/** Tiles under this size are sent as they are: gzip would not pay for itself. */
const GZIP_MIN_BYTES = 512;

export type TileServiceOptions = TileStoreOptions & { cacheBytes?: number };

export class TileService {
  readonly store: TileStore;
  readonly cache: TileCache;
  private pending = new Map<string, Promise<CachedTile>>();

  constructor(db: Database, opts: TileServiceOptions = {}) {
    this.store = new TileStore(db, opts);
    this.cache = new TileCache(opts.cacheBytes);
    this.store.onInvalidate((what) => this.cache.invalidate(what));
  }

  /** Reads the stamp now (not up to a second late), so a client asking right after an edit sees it. */
  async meta(): Promise<TileMeta> {
    await this.store.fresh(true);
    const { zoneCount: zones, plotCount: plots, version } = this.store;
    const url = (layer: TileLayer) => `/tiles/${layer}/{z}/{x}/{y}.mvt?v=${encodeURIComponent(version)}`;
    return {
      version,
      zones,
      plots,
      bbox: this.store.bbox,
      recommended: plots > GEOJSON_MAX_PLOTS || zones > GEOJSON_MAX_ZONES ? 'tiles' : 'geojson',
      layers: {
        zones: { minzoom: TILE_LAYERS.zones.minzoom, url: url('zones') },
        plots: { minzoom: TILE_LAYERS.plots.minzoom, url: url('plots') },
      },
    };
  }

  async tile(layer: TileLayer, z: number, x: number, y: number): Promise<CachedTile> {
    await this.store.fresh();
    const key = `${layer}/${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let job = this.pending.get(key);
    if (!job) {
      job = this.make(key, layer, z, x, y).finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }

  private async make(key: string, layer: TileLayer, z: number, x: number, y: number): Promise<CachedTile> {
    const epoch = this.store.epoch;
    const bbox = tileBBox(z, x, y, TILE_BUFFER / TILE_EXTENT);
    const zones = this.store.zonesIn(bbox);
    let features: Feature[];
    if (layer === 'zones') features = zones.map((zone) => zone.feature);
    else if (z < TILE_LAYERS.plots.minzoom) features = [];
    else features = (await this.store.plotsOf(zones)).flatMap((plots) => plots.featuresIn(bbox));
    const raw = encodeTile(layer, features, z, x, y);
    const tile: CachedTile = {
      raw,
      gzip: raw.byteLength >= GZIP_MIN_BYTES ? gzipSync(raw, { level: 6 }) : null,
      etag: `W/"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`,
      bbox,
    };
    // Data changed while this tile was cut: serve it, but do not keep it.
    if (this.store.epoch === epoch) this.cache.set(key, tile);
    return tile;
  }
}

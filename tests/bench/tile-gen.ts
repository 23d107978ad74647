/**
 * Tile generation in-process, without HTTP: how long one tile takes to cut and encode, per zoom,
 * over tiles that hold zones. Runs on a data folder no server has open (PGlite is single-process).
 */
import { join } from 'node:path';
import { openPglite } from '../../server/db/pglite.ts';
import { TileService } from '../../server/tiles/service.ts';
import type { TileLayer } from '../../geodata/tiles.ts';
import { percentile } from './stats.ts';
import { spread, tileAt, type ZoneCentre } from './workload.ts';

export type ZoomTiming = { layer: TileLayer; z: number; tiles: number; p50: number; p99: number; max: number; meanKB: number };
export type TileGenResult = { sweep: ZoomTiming[]; firstTouch: { p50: number; p99: number; tiles: number }; storeLoadMs: number };

export async function measureTileGeneration(dataDir: string, centres: ZoneCentre[], opts: { perZoom: number }): Promise<TileGenResult> {
  const db = await openPglite({ dataDir: join(dataDir, 'pglite') });
  try {
    // No tile cache: every call cuts the tile again.
    const service = new TileService(db, { cacheBytes: 0, checkMs: 3_600_000 });
    const t0 = performance.now();
    await service.meta();
    const storeLoadMs = performance.now() - t0;
    const sample = spread(centres, opts.perZoom);
    // The tile under each sampled zone's centre, once each.
    const tilesAt = (z: number) => [...new Map(sample.map((c) => tileAt(c, z)).map((t) => [t.join('/'), t])).values()];

    // First touch: plots of a zone read from the database, then the tile cut.
    const first: number[] = [];
    for (const [z, x, y] of tilesAt(14)) {
      const t = performance.now();
      await service.tile('plots', z, x, y);
      first.push(performance.now() - t);
    }
    const sweep: ZoomTiming[] = [];
    const layers: [TileLayer, number[]][] = [
      ['zones', [4, 6, 8, 10, 12, 14, 16]],
      ['plots', [12, 13, 14, 15, 16]],
    ];
    for (const [layer, zooms] of layers) {
      for (const z of zooms) {
        const tiles = tilesAt(z);
        // Data in memory first (plots read once), so the timings are cutting and encoding only.
        for (const [tz, x, y] of tiles) await service.tile(layer, tz, x, y);
        const ms: number[] = [];
        let bytes = 0;
        for (const [tz, x, y] of tiles) {
          const t = performance.now();
          const tile = await service.tile(layer, tz, x, y);
          ms.push(performance.now() - t);
          bytes += tile.raw.byteLength;
        }
        sweep.push({ layer, z, tiles: tiles.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), meanKB: bytes / tiles.length / 1000 });
      }
    }
    return { sweep, firstTouch: { p50: percentile(first, 50), p99: percentile(first, 99), tiles: first.length }, storeLoadMs };
  } finally {
    await db.close();
  }
}

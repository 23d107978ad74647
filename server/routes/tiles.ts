/**
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt: Mapbox Vector Tiles of zones and plots, cut on demand;
 * GET /tiles/meta.json: counts, the data version and the tile URLs the client should use.
 *
 * Tiles carry a strong-enough validator (W/"hash of the bytes"), so an unchanged tile revalidates
 * with 304. A URL carrying the current data version (?v=, as meta.json hands out) may be cached
 * for a day: the next edit changes the version and so the URLs. Without it, or with an old
 * version, clients must revalidate.
 */
import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { invalidFields, invalidParam, problem } from '../http/problem.ts';
import { AdminTiles } from '../tiles/admin.ts';
import { isTileLayer, TileService, TILE_LAYERS, type TileServiceOptions } from '../tiles/service.ts';
import { parseTile } from '../tiles/tile-math.ts';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

export function tileRoutes(db: Database, opts: TileServiceOptions = {}) {
  const service = new TileService(db, opts);
  const admin = new AdminTiles();
  const layers = Object.keys(TILE_LAYERS).join(', ');
  return new Hono()
    .get('/meta.json', async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await service.meta());
    })
    // The administrative boundaries (server/tiles/admin.ts): fixed data, cached for an hour.
    .get('/admin/:z/:x/:file', async (c) => {
      const m = /^(.*)\.mvt$/.exec(c.req.param('file'));
      if (!m) return problem(c, 404, 'tileNotFound', { params: { pattern: '{y}.mvt' } });
      const t = parseTile(c.req.param('z'), c.req.param('x'), m[1]!);
      if ('errors' in t) return invalidFields(c, 'invalidTile', t.errors.map((e) => invalidParam(e)));
      const tile = await admin.tile(t.z, t.x, t.y);
      const headers: Record<string, string> = { ETag: tile.etag, 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Encoding' };
      if (c.req.header('If-None-Match')?.split(',').some((tag) => tag.trim() === tile.etag)) return c.body(null, 304, headers);
      const gzip = tile.gzip && /\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '');
      return c.body((gzip ? tile.gzip! : tile.raw) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Type': MVT_TYPE, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    })
    .get('/:layer/:z/:x/:file', async (c) => {
      const layer = c.req.param('layer');
      const file = c.req.param('file');
      if (!isTileLayer(layer)) return problem(c, 404, 'tileLayerNotFound', { params: { layers } });
      const m = /^(.*)\.mvt$/.exec(file);
      if (!m) return problem(c, 404, 'tileNotFound', { params: { pattern: '{y}.mvt' } });
      const t = parseTile(c.req.param('z'), c.req.param('x'), m[1]!);
      if ('errors' in t) return invalidFields(c, 'invalidTile', t.errors.map((e) => invalidParam(e)));
      const tile = await service.tile(layer, t.z, t.x, t.y);
      const current = c.req.query('v') === service.store.version;
      const headers: Record<string, string> = {
        ETag: tile.etag,
        'Cache-Control': current ? 'public, max-age=86400' : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      const inm = c.req.header('If-None-Match');
      if (inm?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === tile.etag.replace(/^W\//, ''))) {
        return c.body(null, 304, headers);
      }
      const gzip = tile.gzip && /\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '');
      const body = gzip ? tile.gzip! : tile.raw;
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Type': MVT_TYPE,
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
    })
    .all('*', (c) => problem(c, 404, 'tileEndpointNotFound', { params: { method: c.req.method, path: c.req.path } }));
}

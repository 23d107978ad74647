import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { PlotApiFeature, Problem, ZoneApiFeature } from '../../geodata/api.ts';
import { mapZoneProps } from '../../client/map/map-features.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { patchPlot } from '../../server/domain/plot-edits.ts';
import { createUser } from '../../server/domain/users.ts';
import type { TileMeta } from '../../server/tiles/service.ts';
import { TileService } from '../../server/tiles/service.ts';
import { ANON, caller, type Caller } from '../support/api-client.ts';
import { openTestDb } from '../support/db.ts';
import { decode, tileAt } from '../support/vector-tiles.ts';
import { BUNDLED_ZONES } from '../support/bundled-zones.ts';

const PW = 'correct horse battery';
let db: Database;
let app: App;
let api: ReturnType<typeof caller>;
let planner: Caller;
let plannerId: number;

beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  plannerId = (await createUser(db, { username: 'tiles-planner', role: 'planner', password: PW }))!.id;
  app = createApp({ db });
  api = caller(app);
  planner = await api.login('tiles-planner', PW);
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
function features(tile: VectorTile, layer: string) {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

const huyenTung = async () => (await (await api.call(ANON, 'GET', '/api/zones/ccn-huyen-tung')).json()) as ZoneApiFeature;
const firstVertex = (z: ZoneApiFeature) => (z.geometry.type === 'Polygon' ? z.geometry.coordinates[0]![0]! : z.geometry.coordinates[0]![0]![0]!);
/** Centre of the zone's bounding box: inside for these convex sketches. */
function centre(z: ZoneApiFeature) {
  const ring = z.geometry.type === 'Polygon' ? z.geometry.coordinates[0]! : z.geometry.coordinates[0]![0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

describe('GET /tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  it('cuts Huyền Tụng at z14 into valid tiles with the properties the map style reads', async () => {
    const zone = await huyenTung();
    const [z, x, y] = tileAt(centre(zone), 14);
    const res = await get(`/tiles/zones/${z}/${x}/${y}.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const zones = features(await decode(res), 'zones');
    const ht = zones.find((f) => f.properties.id === 'ccn-huyen-tung');
    expect(ht).toBeDefined();
    expect(ht!.type).toBe(3); // polygon
    // The flat properties the GeoJSON path gives the map (nulls are simply absent), less the names:
    // labels come from the zone points source.
    const expected = Object.fromEntries(Object.entries(mapZoneProps(zone)).filter(([k, v]) => v !== null && k !== 'nameVi' && k !== 'nameEn'));
    expect({ ...ht!.properties }).toEqual(expected);

    const plotsRes = await get(`/tiles/plots/${z}/${x}/${y}.mvt`, { 'Accept-Encoding': 'gzip' });
    expect(plotsRes.status).toBe(200);
    const plots = features(await decode(plotsRes), 'plots');
    const own = ((await (await api.call(ANON, 'GET', '/api/zones/ccn-huyen-tung/plots')).json()) as { features: PlotApiFeature[] }).features;
    expect(plots.length).toBeGreaterThan(0);
    for (const f of plots.filter((p) => p.properties.zoneId === 'ccn-huyen-tung')) {
      const p = own.find((o) => o.id === f.properties.id)!;
      expect(f.properties).toMatchObject({ id: p.id, zoneId: p.properties.zoneId, status: p.properties.status, landUse: p.properties.landUse });
    }
    expect(plots.filter((p) => p.properties.zoneId === 'ccn-huyen-tung').length).toBe(own.length);
  });

  it('sends an empty tile (200, no layers) where there is nothing', async () => {
    const [z, x, y] = tileAt([0, 0], 14);
    for (const layer of ['zones', 'plots']) {
      const res = await get(`/tiles/${layer}/${z}/${x}/${y}.mvt`);
      expect(res.status).toBe(200);
      expect(Object.keys((await decode(res)).layers)).toEqual([]);
    }
    // Plots are not cut below z12, even over a zone.
    const [z8, x8, y8] = tileAt(firstVertex(await huyenTung()), 8);
    expect(Object.keys((await decode(await get(`/tiles/plots/${z8}/${x8}/${y8}.mvt`))).layers)).toEqual([]);
  });

  it.each([
    ['/tiles/zones/23/0/0.mvt', 'z'],
    ['/tiles/zones/1/2/0.mvt', 'x'],
    ['/tiles/zones/1/0/2.mvt', 'y'],
    ['/tiles/zones/a/0/0.mvt', 'z'],
    ['/tiles/zones/3/-1/0.mvt', 'x'],
    ['/tiles/zones/3/0/1.5.mvt', 'y'],
    ['/tiles/zones/3/0/1e1.mvt', 'y'],
  ])('refuses %s with 400 problem+json naming %s', async (path, name) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await res.json()) as Problem)['invalid-params']!.map((p) => p.name)).toContain(name);
  });

  it('answers 404 for an unknown layer or format, and never leaves /tiles', async () => {
    for (const path of ['/tiles/roads/1/0/0.mvt', '/tiles/zones/1/0/0.png', '/tiles/..%2f..%2fapi/1/0/0.mvt', '/tiles/%2e%2e%2fpackage.json/0/0/0.mvt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/problem\+json/);
    }
    const res = await get('/tiles/zones/0/0/..%2f..%2f..%2fpackage.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('"dependencies"');
  });

  it('revalidates with ETag (304) and tells caches how long a versioned URL lasts', async () => {
    const [z, x, y] = tileAt(centre(await huyenTung()), 13);
    const first = await get(`/tiles/zones/${z}/${x}/${y}.mvt`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await get(`/tiles/zones/${z}/${x}/${y}.mvt`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);

    const meta = (await (await get('/tiles/meta.json')).json()) as TileMeta;
    const versioned = await get(meta.layers.zones.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(versioned.headers.get('etag')).toBe(etag);
  });

  it('describes the data in /tiles/meta.json and recommends GeoJSON at the size of the province (both regions)', async () => {
    const meta = (await (await get('/tiles/meta.json')).json()) as TileMeta;
    expect(meta).toMatchObject({ zones: BUNDLED_ZONES, recommended: 'geojson' });
    expect(meta.plots).toBeGreaterThan(40);
    expect(meta.layers.plots.url).toMatch(/^\/tiles\/plots\/\{z\}\/\{x\}\/\{y\}\.mvt\?v=/);
  });

  it('shows a PATCHed plot status in its tiles and the zone occupancy within a second, with new ETags', async () => {
    const zoneId = 'ccn-vang-muoi';
    const zone = (await (await api.call(ANON, 'GET', `/api/zones/${zoneId}`)).json()) as ZoneApiFeature;
    const own = ((await (await api.call(ANON, 'GET', `/api/zones/${zoneId}/plots`)).json()) as { features: PlotApiFeature[] }).features;
    const plot = own.find((p) => p.properties.status === 'available' && p.properties.landUse === 'industrial')!;
    const [z, x, y] = tileAt(plot.geometry.coordinates[0]![0]!, 14);
    const plotTile = `/tiles/plots/${z}/${x}/${y}.mvt`;
    const zoneTile = `/tiles/zones/${z}/${x}/${y}.mvt`;
    const before = await get(plotTile);
    const beforeZone = await get(zoneTile);
    const statusIn = async (res: Response) => features(await decode(res), 'plots').find((f) => f.properties.id === plot.id)?.properties.status;
    expect(await statusIn(before)).toBe('available');
    const occupancyIn = async (res: Response) => features(await decode(res), 'zones').find((f) => f.properties.id === zoneId)?.properties.occupancyPct;
    // Tiles carry the displayed occupancy (zoneOccupancy): "no data" here, as no source states one for Vằng Mười.
    expect(await occupancyIn(beforeZone)).toBe(zone.properties.occupancy.valuePct ?? undefined);

    const version = ((await (await get('/tiles/meta.json')).json()) as TileMeta).version;
    const etag = (await api.call(ANON, 'GET', `/api/plots/${plot.id}`)).headers.get('etag')!;
    const patched = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'leased', tenant: 'Cty TNHH Ô Tuyến', reason: 'tile test' }, { 'If-Match': etag });
    expect(patched.status).toBe(200);
    // The stamp is read at most once a second: move the clock on by that second instead of waiting it out.
    vi.useFakeTimers({ toFake: ['Date'] });
    let after: Response;
    try {
      vi.setSystemTime(Date.now() + 1100);
      after = await get(plotTile, { 'If-None-Match': before.headers.get('etag')! });
    } finally {
      vi.useRealTimers();
    }
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(await statusIn(after)).toBe('leased');
    const afterZone = await get(zoneTile);
    const updated = (await (await api.call(ANON, 'GET', `/api/zones/${zoneId}`)).json()) as ZoneApiFeature;
    expect(updated.properties.land.occupancyPct).toBeGreaterThan(0);
    expect(await occupancyIn(afterZone)).toBe(updated.properties.occupancy.valuePct);
    expect(updated.properties.occupancy).toMatchObject({ origin: 'edit', valuePct: updated.properties.land.occupancyPct });
    // A new data version, so versioned tile URLs change too.
    expect(((await (await get('/tiles/meta.json')).json()) as TileMeta).version).not.toBe(version);
  });
});

describe('TileService cache', () => {
  it('drops only the tiles over the zone that changed, and keeps serving the others from memory', async () => {
    const tiles = new TileService(db, { checkMs: 0 });
    const zoneAt = async (id: string) => (await (await api.call(ANON, 'GET', `/api/zones/${id}`)).json()) as ZoneApiFeature;
    const changed = await zoneAt('ccn-nam-bang-lung');
    const other = await zoneAt('kcn-thanh-binh-1');
    const [z, x, y] = tileAt(centre(changed), 14);
    const [oz, ox, oy] = tileAt(centre(other), 14);
    await tiles.tile('plots', z, x, y);
    const keep = await tiles.tile('plots', oz, ox, oy);
    const v0 = tiles.store.version;
    const loads = tiles.store.stats.fullLoads;

    const plot = ((await (await api.call(ANON, 'GET', '/api/zones/ccn-nam-bang-lung/plots')).json()) as { features: PlotApiFeature[] }).features.find(
      (p) => p.properties.status === 'available',
    )!;
    const user = { id: plannerId, username: 'tiles-planner', role: 'planner' as const };
    const r = await patchPlot(db, user, plot.id, plot.properties.version, { status: 'reserved', tenant: 'Cty giữ chỗ' });
    expect(r.ok).toBe(true);

    const hits = tiles.cache.stats.hits;
    expect(await tiles.tile('plots', oz, ox, oy)).toBe(keep); // same object: not recut
    expect(tiles.cache.stats.hits).toBe(hits + 1);
    expect(tiles.store.version).not.toBe(v0);
    expect(tiles.store.stats.fullLoads).toBe(loads); // no full reload: one zone
    expect(tiles.store.stats.zoneReloads).toBeGreaterThanOrEqual(1);
    const recut = await tiles.tile('plots', z, x, y);
    const status = features(new VectorTile(new PbfReader(recut.raw)), 'plots').find((f) => f.properties.id === plot.id)!.properties.status;
    expect(status).toBe('reserved');
  });
});

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlotCollection, Problem, Stats, ZoneApiFeature, ZoneCollection } from '../../geodata/api.ts';
import { occupancyRate } from '../../geodata/metrics.ts';
import type { Database } from '../../server/db/database.ts';
import { createApp, type App } from '../../server/app.ts';
import { openTestDb } from '../support/db.ts';
import { BAC_KAN_ZONES, BUNDLED_ZONES, THAI_NGUYEN_ZONES } from '../support/bundled-zones.ts';

let db: Database;
let app: App;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  app = createApp({ db });
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
async function expectProblem(path: string, status: number, param?: string): Promise<Problem> {
  const res = await get(path);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  if (param) expect(body['invalid-params']?.map((p) => p.name)).toContain(param);
  return body;
}
const zoneById = async (id: string) => (await json<ZoneCollection>('/api/zones')).features.find((f) => f.id === id)!;

describe('GET /api/health', () => {
  it('reports the database and zone count (both regions of the province)', async () => {
    expect(await json('/api/health')).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', zones: BUNDLED_ZONES });
  });

  it('names the release package.json names, as both OpenAPI documents do', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await json('/api/health')).toMatchObject({ version });
    expect(await json('/api/openapi.json')).toMatchObject({ info: { version } });
    expect(await json('/ogc/api')).toMatchObject({ info: { version } });
  });
});

describe('GET /api/zones', () => {
  it('returns every zone of the bundled data with computed figures: the 13 of the Bắc Kạn region and those of the Thái Nguyên region', async () => {
    const fc = await json<ZoneCollection>('/api/zones');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(BUNDLED_ZONES);
    expect(fc.features.filter((f) => f.properties.addressOld?.province === 'Bắc Kạn')).toHaveLength(BAC_KAN_ZONES);
    expect(fc.features.filter((f) => f.properties.addressOld?.province === 'Thái Nguyên')).toHaveLength(THAI_NGUYEN_ZONES);
    for (const f of fc.features) {
      expect(f.properties.land).toHaveProperty('occupancyPct');
      expect(f.properties.progress).toHaveProperty('coverage');
    }
  });

  it('computes occupancy from plots: Huyền Tụng full, the untenanted clusters empty, no layout means no data', async () => {
    expect((await zoneById('ccn-huyen-tung')).properties.land.occupancyPct).toBe(100);
    expect((await zoneById('ccn-vang-muoi')).properties.land.occupancyPct).toBe(0);
    expect((await zoneById('ccn-nam-bang-lung')).properties.land.occupancyPct).toBe(0);
    expect((await zoneById('ccn-quang-chu')).properties.land.occupancyPct).toBeNull();
    const tb1 = await zoneById('kcn-thanh-binh-1');
    expect(tb1.properties.land.developedOccupancyPct).toBe(100);
    expect(tb1.properties.land.notDevelopedHa).toBeGreaterThan(13);
  });

  it('displays the sourced occupancy, with basis and date, where the plots are schematic; no source means no figure', async () => {
    const tb1 = (await zoneById('kcn-thanh-binh-1')).properties;
    expect(tb1.land.occupancyPct).toBe(74.5); // the schematic layout's sum, never the headline
    expect(tb1.occupancy).toMatchObject({ valuePct: 100, basis: 'developed_land', origin: 'source', sourceId: 'lforum-2023', asOf: '2023-04-30' });
    expect((await zoneById('ccn-huyen-tung')).properties.occupancy).toMatchObject({ valuePct: 100, basis: 'industrial_land', sourceId: 'congdoan-936096', asOf: '2025-05' });
    expect((await zoneById('ccn-vang-muoi')).properties.occupancy).toMatchObject({ valuePct: null, gap: 'no_source' });
    expect((await zoneById('kcn-cho-moi-5')).properties.occupancy).toMatchObject({ valuePct: null, gap: 'not_leasable' });
  });

  it('keeps the revoked cluster, marked as revoked', async () => {
    expect((await zoneById('ccn-chu-huong')).properties.status).toBe('revoked');
  });
});

describe('GET /api/zones/:id', () => {
  it('returns one zone as a Feature', async () => {
    const z = await json<ZoneApiFeature>('/api/zones/ccn-huyen-tung');
    expect(z.properties.name.vi).toBe('CCN Huyền Tụng');
    expect(z.properties.accuracy).toBe('approximate');
  });
  it('404s with problem details for an unknown id', async () => {
    const p = await expectProblem('/api/zones/ccn-nowhere', 404);
    expect(p.detail).toContain('ccn-nowhere');
  });
  it('400s naming the id when it is malformed', async () => {
    await expectProblem('/api/zones/DROP%20TABLE', 400, 'id');
  });
});

describe('GET /api/zones/:id/plots', () => {
  it('returns the plots of one zone', async () => {
    const fc = await json<PlotCollection>('/api/zones/ccn-huyen-tung/plots');
    expect(fc.features.length).toBeGreaterThan(0);
    expect(new Set(fc.features.map((f) => f.properties.zoneId))).toEqual(new Set(['ccn-huyen-tung']));
  });
  it('404s for an unknown zone', async () => {
    await expectProblem('/api/zones/ccn-nowhere/plots', 404);
  });
});

describe('GET /api/plots', () => {
  it('filters by bbox: a box around Huyền Tụng returns only its plots', async () => {
    const fc = await json<PlotCollection>('/api/plots?bbox=105.80,22.15,105.87,22.20');
    expect(fc.features.length).toBeGreaterThan(0);
    expect(new Set(fc.features.map((f) => f.properties.zoneId))).toEqual(new Set(['ccn-huyen-tung']));
  });
  it('filters by status', async () => {
    const fc = await json<PlotCollection>('/api/plots?status=available,reserved');
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) expect(['available', 'reserved']).toContain(f.properties.status);
  });
  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['bbox=106,22,105,23', 'bbox'],
    ['bbox=0,0,200,10', 'bbox'],
    ['status=sold', 'status'],
    ['zone=Not%20An%20Id', 'zone'],
    ['colour=red', 'colour'],
  ])('400s naming the parameter for %s', async (query, param) => {
    await expectProblem(`/api/plots?${query}`, 400, param);
  });
});

describe('GET /api/plots/:id', () => {
  it('returns a plot with its area', async () => {
    const [first] = (await json<PlotCollection>('/api/zones/ccn-vang-muoi/plots')).features;
    const plot = await json<PlotCollection['features'][number]>(`/api/plots/${first!.id}`);
    expect(plot.properties.zoneId).toBe('ccn-vang-muoi');
    expect(plot.properties.areaHa).toBeGreaterThan(0);
  });
  it('404s for an unknown plot', async () => {
    await expectProblem('/api/plots/no-such-plot', 404);
  });
});

describe('GET /api/stats', () => {
  it('reports KCN and CCN layout sums apart, each the combined sum of its zones\' plots', async () => {
    const stats = await json<Stats>('/api/stats');
    const zones = (await json<ZoneCollection>('/api/zones')).features;
    for (const kind of ['KCN', 'CCN'] as const) {
      const mine = zones.filter((z) => z.properties.kind === kind);
      const leased = mine.reduce((s, z) => s + z.properties.land.leasedHa, 0);
      const leasable = mine.reduce((s, z) => s + z.properties.land.leasableHa, 0);
      expect(stats.byKind[kind].layoutLand.occupancyPct).toBeCloseTo(occupancyRate(leased, leasable)!, 0);
      expect(stats.byKind[kind].zoneCount).toBe(mine.length);
    }
    // Bắc Kạn's Chu Hương and the clusters former Thái Nguyên removed from its plan.
    expect(stats.zonesByStatus.revoked).toBe(zones.filter((z) => z.properties.status === 'revoked').length);
    expect(stats.zonesByStatus.revoked).toBeGreaterThan(1);
  });

  it('headlines the sourced figures of the whole province, saying which zones and hectares they rest on (not the schematic 74.5 % and 17.9 %)', async () => {
    const stats = await json<Stats>('/api/stats');
    // Corrected from "CCN below 50 %", which the invented 17.9 % of schematic plots satisfied: no source gives a cluster-wide rate.
    // Huyền Tụng (16 ha) is still the only cluster of either region with a sourced figure; the Bắc Kạn region's
    // own totals (152.4 ha missing, 68 ha excluded) are held in tests/unit/headline-figures.test.ts.
    expect(stats.byKind.CCN.occupancy).toMatchObject({ valuePct: null, gap: 'incomplete', countedHa: 16 });
    expect(stats.byKind.CCN.occupancy.counted.map((z) => z.id)).toEqual(['ccn-huyen-tung']);
    expect(stats.byKind.CCN.occupancy.missing.map((z) => z.id)).toEqual(expect.arrayContaining(['ccn-cam-giang', 'ccn-nam-bang-lung', 'ccn-quang-chu', 'ccn-vang-muoi', 'ccn-tan-phu-1']));
    // Thanh Bình I's 100 % of developed land and the 100 % of Yên Bình, Điềm Thụy and Sông Công II are counted; parks that
    // could hold tenants but have no figure (Sông Công I, Nam Phổ Yên…) leave the province without one.
    expect(stats.byKind.KCN.occupancy).toMatchObject({ valuePct: null, gap: 'incomplete', countedHa: 73.5 + 400 + 361.1 + 250 });
    expect(stats.byKind.KCN.occupancy.counted.map((z) => z.name.vi).sort()).toEqual(
      ['KCN Thanh Bình (giai đoạn I)', 'KCN Yên Bình', 'KCN Điềm Thụy (khu A và khu B)', 'KCN Sông Công II (giai đoạn 1)'].sort(),
    );
    expect(stats.byKind.KCN.occupancy.missing.map((z) => z.id)).toEqual(expect.arrayContaining(['kcn-song-cong-1', 'kcn-nam-pho-yen']));
  });
});

describe('GET /api/sources', () => {
  it('lists every source a zone cites', async () => {
    const { sources } = await json<{ sources: { id: string; title: string }[] }>('/api/sources');
    const ids = new Set(sources.map((s) => s.id));
    for (const z of (await json<ZoneCollection>('/api/zones')).features) {
      expect(ids.has(z.properties.geometrySourceId)).toBe(true);
      for (const t of z.properties.tenants) expect(ids.has(t.sourceId)).toBe(true);
    }
  });
});

describe('HTTP behaviour', () => {
  it('gzips large responses', async () => {
    const res = await get('/api/zones', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
  it('serves a viewport of plots gzipped or plain, the same JSON and ETag either way', async () => {
    const path = '/api/plots?bbox=105.7,22.0,106.0,22.3';
    const zipped = await get(path, { 'Accept-Encoding': 'gzip' });
    const plain = await get(path, { 'Accept-Encoding': 'identity' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    const unzipped = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')) as { features: unknown[] };
    expect(unzipped).toEqual(await plain.json());
    expect(unzipped.features.length).toBeGreaterThan(0);
  });
  it('sends an ETag and answers 304 when it matches', async () => {
    const first = await get('/api/zones');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await get('/api/zones', { 'If-None-Match': tag! });
    expect(again.status).toBe(304);
  });
  it('answers unknown API paths with problem details', async () => {
    await expectProblem('/api/nothing-here', 404);
  });
});

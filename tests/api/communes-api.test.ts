/**
 * The commune of each zone and plot since 1 July 2025: derived from the geometry (geodata's
 * largest-overlap rule), stored, served by /api, the OGC API and the exports, and derived again
 * when an import, a split or a merge moves land across a commune boundary.
 */
import type { Polygon } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deriveCommune } from '../../geodata/admin/derive-commune.ts';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { ImportReport } from '../../server/import/index.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { app, api, planner } = await signedInAppForFile();

const getJson = async <T>(path: string): Promise<T> => {
  const res = await api.call(ANON, 'GET', path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
type Flat = { id: string; properties: Record<string, unknown> };

describe('the bundled zones and plots', () => {
  it('each carry the commune their geometry lies in, in /api and in the OGC API', async () => {
    const zones = (await getJson<{ features: ZoneApiFeature[] }>('/api/zones')).features;
    const ogcZones = (await getJson<{ features: Flat[] }>('/ogc/collections/zones/items?limit=1000')).features;
    expect(zones.length).toBeGreaterThan(0);
    for (const z of zones) {
      const expected = deriveCommune(z.geometry);
      expect(expected, `${z.id} lies in a commune`).not.toBeNull();
      expect(z.properties, z.id).toMatchObject({ communeCode: expected!.code, communeName: expected!.name });
      expect(ogcZones.find((f) => f.id === z.id)!.properties, z.id).toMatchObject({ commune_code: expected!.code, commune_name: expected!.name, commune_basis: z.properties.communeBasis });
    }
    // Old phường Huyền Tụng became part of phường Đức Xuân (the merger table): sourced. No source
    // names the commune of CCN Nam Bằng Lũng: its commune is only where its outline lies.
    expect(zones.find((z) => z.id === 'ccn-huyen-tung')!.properties).toMatchObject({ communeName: 'Đức Xuân', communeBasis: 'sourced' });
    expect(zones.find((z) => z.id === 'ccn-nam-bang-lung')!.properties.communeBasis).toBe('geometry');
    const plots = (await getJson<{ features: PlotApiFeature[] }>('/api/plots')).features;
    const ogcPlots = (await getJson<{ features: Flat[] }>('/ogc/collections/plots/items?limit=10000')).features;
    for (const p of plots) {
      const expected = deriveCommune(p.geometry);
      expect(p.properties, p.id).toMatchObject({ communeCode: expected?.code ?? null, communeName: expected?.name ?? null });
      expect(ogcPlots.find((f) => f.id === p.id)!.properties, p.id).toMatchObject({ commune_code: expected?.code ?? null });
    }
  });

  it('name their commune in the export files', async () => {
    const res = await api.call(ANON, 'GET', '/api/export?layer=zones&format=csv');
    expect(res.status).toBe(200);
    const csv = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual(expect.arrayContaining(['commune_code', 'commune_name']));
    const zone = (await getJson<ZoneApiFeature>('/api/zones/ccn-huyen-tung')).properties;
    expect(zone.communeCode).toMatch(/^\d{5}$/);
    expect(csv.data.find((r) => r.id === 'ccn-huyen-tung')).toMatchObject({ commune_code: zone.communeCode, commune_name: zone.communeName });
  });
});

/** POSTs a file to the import, committing it. */
async function importLayer(query: string, fc: unknown): Promise<ImportReport> {
  const res = await app.request(`/api/import?${query}`, {
    method: 'POST',
    headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, 'Content-Type': 'application/geo+json' },
    body: JSON.stringify(fc),
  });
  const { report } = (await res.json()) as { report: ImportReport };
  expect(report.issues).toEqual([]);
  expect(res.status).toBe(200);
  return report;
}

const rectangle = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

describe('land moved across a commune boundary', () => {
  // At 22.1° N the boundary between xã Yên Phong (west, GSO 02083) and xã Bạch Thông (east,
  // 02014) runs near 105.6538° E. The zone and its one plot reach 0.002° west of it and 0.0016°
  // east, so most of the land is in Yên Phong; cut at the boundary, the eastern part is in Bạch Thông.
  const BOUNDARY = 105.6538;
  const zone = rectangle(BOUNDARY - 0.002, 22.0985, BOUNDARY + 0.0016, 22.1015);

  it('derives the commune of each part of a split, and of the plot merged back', async () => {
    await importLayer('layer=zones', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'ccn-ranh-gioi', name: 'Cụm thử ranh giới xã', kind: 'CCN', status: 'planned' }, geometry: zone }],
    });
    expect((await getJson<ZoneApiFeature>('/api/zones/ccn-ranh-gioi')).properties).toMatchObject({ communeCode: '02083', communeName: 'Yên Phong', communeBasis: 'geometry' });
    await importLayer('layer=plots&zone=ccn-ranh-gioi', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'ccn-ranh-gioi-cn-01', code: 'CN-01', land_use: 'industrial', status: 'available' }, geometry: zone }],
    });
    expect((await getJson<PlotApiFeature>('/api/plots/ccn-ranh-gioi-cn-01')).properties).toMatchObject({ communeCode: '02083', communeName: 'Yên Phong' });

    const line = { type: 'LineString', coordinates: [[BOUNDARY, 22.097], [BOUNDARY, 22.103]] };
    const split = await api.call(planner, 'POST', '/api/plots/ccn-ranh-gioi-cn-01/split', { line });
    expect(split.status).toBe(201);
    const parts = ((await split.json()) as { features: PlotApiFeature[] }).features;
    const east = (p: PlotApiFeature) => Math.min(...p.geometry.coordinates[0]!.map((c) => c[0]!)) >= BOUNDARY - 1e-6;
    const byName = Object.fromEntries(parts.map((p) => [east(p) ? 'east' : 'west', p]));
    expect(byName.west!.properties).toMatchObject({ communeCode: '02083', communeName: 'Yên Phong' });
    expect(byName.east!.properties).toMatchObject({ communeCode: '02014', communeName: 'Bạch Thông' });
    // Stored, not only answered: a later read and the OGC API say the same.
    expect((await getJson<PlotApiFeature>(`/api/plots/${byName.east!.id}`)).properties.communeCode).toBe('02014');
    expect((await getJson<Flat>(`/ogc/collections/plots/items/${byName.east!.id}`)).properties).toMatchObject({ commune_code: '02014', commune_name: 'Bạch Thông' });

    const merged = await api.call(planner, 'POST', '/api/plots/merge', { ids: [byName.east!.id, byName.west!.id] });
    expect(merged.status).toBe(201);
    expect(((await merged.json()) as PlotApiFeature).properties).toMatchObject({ communeCode: '02083', communeName: 'Yên Phong' });
  });

  it('derives a zone\'s commune again when an import moves its boundary', async () => {
    // The same zone moved east, wholly into Bạch Thông.
    await importLayer('layer=zones', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'ccn-ranh-gioi' }, geometry: rectangle(BOUNDARY + 0.001, 22.0985, BOUNDARY + 0.004, 22.1015) }],
    });
    expect((await getJson<ZoneApiFeature>('/api/zones/ccn-ranh-gioi')).properties).toMatchObject({ communeCode: '02014', communeName: 'Bạch Thông' });
  });
});

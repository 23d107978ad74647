/**
 * Regions (the two former provinces of the new Thái Nguyên) and the figure-source rule, on the
 * wire: /api zones and totals, vector tiles, the OGC zones and plots collections and the exports.
 * A zone with a stated figure and no real layout is coloured by that figure and says so; a zone
 * with a real layout is coloured by its plots, whatever a source claims.
 */
import { rm } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats, ZoneApiFeature } from '../../geodata/api.ts';
import type { ProvinceFact } from '../../geodata/province-facts.ts';
import { loadDataset } from '../../geodata/load.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { prepareDatabase } from '../../server/db/open.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { LAYOUT_ZONE, STATED_ZONE, twoRegionDataset } from '../support/two-regions.ts';
import { decode, tileAt } from '../support/vector-tiles.ts';

let dir: string;
let db: Database;
let app: App;
beforeAll(async () => {
  dir = await twoRegionDataset();
  db = await openPglite({ memory: true });
  await prepareDatabase(db, () => loadDataset(dir));
  app = createApp({ db, geodataDir: dir });
}, 120_000);
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

const json = async <T>(path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
type OgcItems = { numberMatched?: number; features: { id: string; properties: Record<string, unknown> }[] };
const zones = async () => (await json<{ features: ZoneApiFeature[] }>('/api/zones')).features;
const csvRows = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('the figure-source rule', () => {
  it('colours a zone with a stated figure and no layout by that figure, and says so with basis, date and source', async () => {
    const z = (await zones()).find((f) => f.id === STATED_ZONE)!.properties;
    expect(z.figureSource).toBe('stated');
    expect(z.occupancy).toMatchObject({ valuePct: 100, basis: 'industrial_land', origin: 'source', asOf: '2024-12', sourceId: 'test-press-2024' });
    expect(z.confidence.occupancy.code).toBe('sourced');
  });

  it('colours a zone with a real layout by its plots (50 %), not by the 90 % a source claims', async () => {
    const z = (await zones()).find((f) => f.id === LAYOUT_ZONE)!.properties;
    expect(z.figureSource).toBe('plots');
    expect(z.occupancy).toMatchObject({ valuePct: 50, origin: 'plots', sourceId: null });
  });

  it('draws the same colour figure in the vector tiles, the stated one marked', async () => {
    for (const [id, pct, stated] of [[STATED_ZONE, 100, true], [LAYOUT_ZONE, 50, false]] as const) {
      const zone = (await zones()).find((f) => f.id === id)!;
      const ring = (zone.geometry as { coordinates: number[][][] }).coordinates[0]!;
      const [z, x, y] = tileAt(ring[0]!, 12);
      const tile = await decode(await app.request(`/tiles/zones/${z}/${x}/${y}.mvt`));
      const layer = tile.layers.zones!;
      const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.id === id)!;
      expect(props).toMatchObject({ occupancyPct: pct, occupancyStated: stated, region: 'thai-nguyen' });
    }
  });

  it('says in the totals how much area rests on plots, on stated figures and on nothing', async () => {
    const stats = await json<Stats>('/api/stats');
    const kcn = stats.byRegion['thai-nguyen'].byKind.KCN.occupancy.figureSources;
    expect(kcn).toEqual([
      { source: 'plots', zones: 1, ha: 40, minPct: 50, maxPct: 50 },
      { source: 'stated', zones: 1, ha: 40, minPct: 100, maxPct: 100 },
      { source: 'none', zones: 0, ha: 0, minPct: null, maxPct: null },
    ]);
    const whole = stats.byKind.KCN.occupancy.figureSources;
    const bk = stats.byRegion['bac-kan'].byKind.KCN.occupancy.figureSources;
    for (const s of ['plots', 'stated', 'none'] as const) {
      const part = (list: typeof whole) => list.find((x) => x.source === s)!;
      expect(part(whole).zones).toBe(part(kcn).zones + part(bk).zones);
    }
  });

  it('exports the figure source, its basis, date, confidence and source in every zone row', async () => {
    const table = csvRows(await (await app.request('/api/export?layer=zones&format=csv')).text());
    for (const c of ['region', 'occupancy_figure_source', 'occupancy_basis', 'occupancy_as_of', 'occupancy_confidence', 'occupancy_source_id']) expect(table.meta.fields).toContain(c);
    expect(table.data.find((r) => r.id === STATED_ZONE)).toMatchObject({ occupancy_pct: '100', occupancy_figure_source: 'stated', occupancy_basis: 'industrial_land', occupancy_as_of: '2024-12', occupancy_confidence: 'sourced', occupancy_source_id: 'test-press-2024' });
    expect(table.data.find((r) => r.id === LAYOUT_ZONE)).toMatchObject({ occupancy_pct: '50', occupancy_figure_source: 'plots' });
  });

  it('filters the OGC zones by figure source', async () => {
    const stated = await json<OgcItems>('/ogc/collections/zones/items?occupancy_figure_source=stated&region=thai-nguyen');
    expect(stated.features.map((f) => f.id)).toEqual([STATED_ZONE]);
    expect(stated.features[0]!.properties).toMatchObject({ occupancy_pct: 100, occupancy_as_of: '2024-12', occupancy_confidence: 'sourced' });
  });
});

describe('regions', () => {
  it("gives every zone its commune's former province", async () => {
    const all = await zones();
    const byRegion = (r: string) => all.filter((f) => f.properties.region === r).map((f) => f.id).sort();
    expect(byRegion('thai-nguyen')).toEqual(expect.arrayContaining([LAYOUT_ZONE, STATED_ZONE].sort()));
    expect(byRegion('bac-kan')).toContain('kcn-thanh-binh-1');
    expect(all.filter((f) => f.properties.region === null)).toEqual([]);
  });

  it('totals each region and the whole province, KCN and CCN apart, adding up', async () => {
    const stats = await json<Stats>('/api/stats');
    const all = await zones();
    for (const kind of ['KCN', 'CCN'] as const) {
      const count = (r: string) => all.filter((f) => f.properties.kind === kind && f.properties.region === r).length;
      expect(stats.byRegion['bac-kan'].byKind[kind].zoneCount).toBe(count('bac-kan'));
      expect(stats.byRegion['thai-nguyen'].byKind[kind].zoneCount).toBe(count('thai-nguyen'));
      expect(stats.byKind[kind].zoneCount).toBe(count('bac-kan') + count('thai-nguyen'));
    }
    // The test parks are both counted, and both have a figure: the region's KCN total exists.
    expect(stats.byRegion['thai-nguyen'].byKind.KCN.occupancy.counted.map((z) => z.id).sort()).toEqual([LAYOUT_ZONE, STATED_ZONE].sort());
  });

  it('narrows the OGC zones and plots collections with region=', async () => {
    const tn = await json<OgcItems>('/ogc/collections/zones/items?region=thai-nguyen&limit=1000');
    expect(tn.features.map((f) => f.id).sort()).toEqual(expect.arrayContaining([LAYOUT_ZONE, STATED_ZONE]));
    expect(tn.features.every((f) => f.properties.region === 'thai-nguyen')).toBe(true);
    const bk = await json<OgcItems>('/ogc/collections/zones/items?region=bac-kan&limit=1000');
    expect(bk.features.length).toBeGreaterThan(0);
    expect(bk.features.map((f) => f.id)).not.toContain(STATED_ZONE);
    const plots = await json<OgcItems>('/ogc/collections/plots/items?region=thai-nguyen&limit=1000');
    expect(new Set(plots.features.map((f) => f.properties.zone_id))).toEqual(new Set(tn.features.filter((f) => Number(f.properties.plot_count) > 0).map((f) => f.id)));
  });

  it('refuses an unknown region in the OGC API and the export, naming the field', async () => {
    for (const path of ['/ogc/collections/zones/items?region=ha-noi', '/api/export?layer=zones&format=csv&region=ha-noi', '/api/export?layer=context&region=bac-kan']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('region');
    }
  });

  it('exports only the region asked for, zones and plots', async () => {
    const zonesCsv = csvRows(await (await app.request('/api/export?layer=zones&format=csv&region=thai-nguyen')).text());
    expect(zonesCsv.data.length).toBeGreaterThan(0);
    expect(zonesCsv.data.every((r) => r.region === 'thai-nguyen')).toBe(true);
    expect(zonesCsv.data.map((r) => r.id)).toEqual(expect.arrayContaining([STATED_ZONE, LAYOUT_ZONE]));
    const plotsCsv = csvRows(await (await app.request('/api/export?layer=plots&format=csv&region=bac-kan')).text());
    expect(plotsCsv.data.length).toBeGreaterThan(0);
    expect(plotsCsv.data.some((r) => r.zone_id === LAYOUT_ZONE)).toBe(false);
    expect(plotsCsv.data.every((r) => r.region === 'bac-kan')).toBe(true);
  });
});

describe('the province page', () => {
  it("serves the new province's published figures, each number with its source and date, the rest as no data", async () => {
    const { facts } = await json<{ facts: ProvinceFact[] }>('/api/province-facts');
    const byId = new Map(facts.map((f) => [f.id, f]));
    // KCN and CCN counts and areas, average CCN occupancy and the 2030 targets are all asked for.
    for (const id of ['kcn-planned', 'kcn-established', 'kcn-area', 'ccn-planned', 'ccn-planned-area', 'ccn-established', 'ccn-occupancy', 'plan-kcn-area', 'plan-ccn-area']) expect(byId.has(id), id).toBe(true);
    for (const f of facts) {
      if (f.value === null) expect(f.source, f.id).toBeNull();
      else {
        expect(f.source?.url, f.id).toMatch(/^https:\/\//);
        expect(f.asOf, f.id).toMatch(/^\d{4}/);
      }
    }
    // No source gives the merged province's average CCN occupancy: "no data", not an estimate.
    expect(byId.get('ccn-occupancy')!.value).toBeNull();
    expect(byId.get('plan-ccn-area')).toMatchObject({ value: 2067, unit: 'ha', group: 'plan2030' });
  });
});

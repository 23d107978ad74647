import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ContextCollection, PlotCollection, ZoneCollection } from '../../geodata/api.ts';
import { filtersFromParams, filtersToParams, findLand, NO_FILTERS, totalHa, type LandFilters } from '../../client/lib/land-search.ts';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';

let db: Database;
let data: { zones: ZoneCollection; plots: PlotCollection; context: ContextCollection };
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  const app = createApp({ db });
  const get = async <T>(p: string) => (await (await app.request(p)).json()) as T;
  data = { zones: await get('/api/zones'), plots: await get('/api/plots'), context: await get('/api/context') };
});
afterAll(() => db.close());

const run = (f: Partial<LandFilters>) => findLand(data.plots.features, data.zones.features, data.context, { ...NO_FILTERS, ...f });

describe('find land (over the API data)', () => {
  it('lists only available industrial or service plots', () => {
    const all = run({});
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) {
      expect(r.plot.properties.status).toBe('available');
      expect(['industrial', 'service']).toContain(r.plot.properties.landUse);
    }
  });

  it('filters by area and sorts largest first', () => {
    const big = run({ minHa: 2 });
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((r) => r.areaHa >= 2)).toBe(true);
    expect(big.map((r) => r.areaHa)).toEqual([...big.map((r) => r.areaHa)].sort((a, b) => b - a));
    expect(totalHa(big)).toBeCloseTo(big.reduce((s, r) => s + r.areaHa, 0), 2);
  });

  it('needs named items complete: no available plot sits in a zone with finished wastewater treatment', () => {
    expect(run({ items: ['wastewater_treatment'] })).toEqual([]);
  });

  it('measures straight-line distances to QL3, QL3B, QL279 and the province seat', () => {
    const [first] = run({ sort: 'distance' });
    expect(first!.distances.QL3).not.toBeNull();
    expect(first!.distances.seat).toBeGreaterThan(0);
    const near = run({ maxRoadKm: first!.nearestRoadKm! });
    expect(near.every((r) => r.nearestRoadKm! <= first!.nearestRoadKm!)).toBe(true);
  });

  it('filters by kind and old district', () => {
    expect(run({ kinds: ['KCN'] })).toEqual([]); // no KCN has available developed land
    const choDon = run({ district: 'Chợ Đồn' });
    expect(choDon.length).toBeGreaterThan(0);
    expect(new Set(choDon.map((r) => r.zone.id))).toEqual(new Set(['ccn-nam-bang-lung']));
  });

  it('round-trips filters through URL parameters, ignoring junk', () => {
    const f: LandFilters = { ...NO_FILTERS, minHa: 2, items: ['wastewater_treatment', 'power'], kinds: ['CCN'], roads: ['QL3'], maxRoadKm: 5, sort: 'readiness', district: 'Chợ Mới' };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(f)))).toEqual(f);
    expect(filtersFromParams(new URLSearchParams('f.minHa=-3&f.kind=XYZ&f.sort=random&f.items=teleport'))).toEqual(NO_FILTERS);
  });
});

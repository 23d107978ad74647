import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import type { MapZoneProps } from '../../client/map/map-features.ts';
import { buildClusterIndex, clustersForAllZooms } from '../../client/map/zone-clusters.ts';

const zone = (id: string, lon: number, leasedHa: number, leasableHa: number, progressPct: number | null = null): Feature<Point, MapZoneProps> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, 22] },
  properties: {
    id, kind: 'CCN', status: 'operating', preLeasing: false, occupancyPct: (leasedHa / leasableHa) * 100, progressPct, leasedHa, leasableHa,
    occupancyHasHa: true, occupancyBasis: 1, occupancyMissing: false, areaHa: 10, nameVi: id, nameEn: id,
    occupancyConfidence: 'sourced', progressConfidence: 'sourced', occupancyYear: 2025, progressYear: 2025, layoutSchematic: false, occupancyStated: false, region: 'bac-kan',
  },
});

describe('zone cluster bubbles', () => {
  const points = [zone('a', 105.8, 10, 10, 100), zone('b', 105.9, 0, 30, 50), zone('far', 120, 1, 4)];
  const all = clustersForAllZooms(buildClusterIndex(points, 11), 11);

  it('combine leased and leasable area (10 of 40 ha = 25 %), not the mean of rates (50 %)', () => {
    const bubble = all.features.find((f) => f.properties.z === 5 && f.properties.count === 2)!;
    expect(bubble.properties.occupancyPct).toBe(25);
    expect(bubble.properties.progressPct).toBe(75);
    expect(bubble.properties.clusterId).not.toBeNull();
  });

  it('hold every zone exactly once at each zoom', () => {
    for (let z = 0; z <= 11; z++) {
      const count = all.features.filter((f) => f.properties.z === z).reduce((n, f) => n + f.properties.count, 0);
      expect(count).toBe(3);
    }
  });

  it('split into single zones when zoomed in, each with its own rate', () => {
    const singles = all.features.filter((f) => f.properties.z === 11);
    expect(singles.map((f) => f.properties.zoneId).sort()).toEqual(['a', 'b', 'far']);
    expect(singles.find((f) => f.properties.zoneId === 'far')!.properties.occupancyPct).toBe(25);
  });
});

describe('zone cluster bubbles follow the group rule (aggregateOccupancy), never a schematic sum', () => {
  /** A zone whose figure is a sourced rate without hectares (e.g. "filled", 100 % of developed land). */
  const sourced = (id: string, lon: number, pct: number, basis: 1 | 2): Feature<Point, MapZoneProps> => {
    const f = zone(id, lon, 0, 1);
    f.properties = { ...f.properties, occupancyPct: pct, leasedHa: 0, leasableHa: 0, occupancyHasHa: false, occupancyBasis: basis };
    return f;
  };
  const without = (id: string, lon: number, missing: boolean): Feature<Point, MapZoneProps> => {
    const f = zone(id, lon, 0, 1);
    f.properties = { ...f.properties, occupancyPct: null, leasedHa: 0, leasableHa: 0, occupancyHasHa: false, occupancyBasis: 0, occupancyMissing: missing };
    return f;
  };
  const bubbleOf = (points: Feature<Point, MapZoneProps>[]) =>
    clustersForAllZooms(buildClusterIndex(points, 11), 11).features.find((f) => f.properties.z === 5 && f.properties.count === points.length)!.properties.occupancyPct;

  it('shows the sourced rate of the only zone with land to let; planned zones beside it do not count', () => {
    expect(bubbleOf([sourced('tb1', 105.8, 100, 2), without('cm5', 105.81, false)])).toBe(100);
  });

  it('has no figure while a zone that could hold tenants has none, or when bases or unweighted rates differ', () => {
    expect(bubbleOf([sourced('ht', 105.8, 100, 1), without('vm', 105.81, true)])).toBeNull();
    expect(bubbleOf([sourced('a', 105.8, 100, 1), sourced('b', 105.81, 100, 2)])).toBeNull();
    expect(bubbleOf([sourced('a', 105.8, 100, 1), sourced('b', 105.81, 20, 1)])).toBeNull();
  });
});

describe('zone cluster bubbles know which quarter of the zones they lie in, for placing their names', () => {
  const at = (id: string, lon: number, lat: number) => {
    const f = zone(id, lon, 1, 1);
    f.geometry.coordinates = [lon, lat];
    return f;
  };
  // The middle is the zones' mean position: (105.9, 22.1).
  const all = clustersForAllZooms(buildClusterIndex([at('north-west', 105.6, 22.4), at('north-east', 106.2, 22.4), at('south-west', 105.6, 21.8), at('south-east', 106.2, 21.8)], 11), 11);

  it('from their position against the zones’ mean, at every zoom where they stand alone', () => {
    for (const f of all.features.filter((f) => f.properties.z === 11)) expect(f.properties.quarter, f.properties.zoneId!).toBe({ 'north-west': 'nw', 'north-east': 'ne', 'south-west': 'sw', 'south-east': 'se' }[f.properties.zoneId!]);
  });
});

describe('zone cluster bubbles keep the regions apart and say what is stated', () => {
  const inRegion = (id: string, lon: number, region: 'bac-kan' | 'thai-nguyen', stated: number | null): Feature<Point, MapZoneProps> => {
    const f = zone(id, lon, 0, 1);
    f.properties = {
      ...f.properties, region, occupancyPct: stated, occupancyStated: stated !== null, leasedHa: 0, leasableHa: 0, occupancyHasHa: false,
      occupancyBasis: stated === null ? 0 : 1, occupancyMissing: stated === null,
    };
    return f;
  };
  const points = [inRegion('bk', 105.8, 'bac-kan', null), inRegion('tn1', 105.81, 'thai-nguyen', 100), inRegion('tn2', 105.82, 'thai-nguyen', 60), inRegion('tn3', 105.83, 'thai-nguyen', null)];
  const index = buildClusterIndex(points, 11);
  const all = clustersForAllZooms(index, 11);

  it('never put zones of both former provinces in one bubble, however close', () => {
    for (const f of all.features.filter((b) => b.properties.z <= 5)) {
      const ids = f.properties.zoneIds.split(',');
      expect(ids.includes('bk') && ids.length > 1).toBe(false);
    }
    expect(all.features.filter((f) => f.properties.z === 5).map((f) => f.properties.count).sort()).toEqual([1, 3]);
  });

  it('give a bubble without a figure of its own the range of its stated figures, and zoom a click into the right region', () => {
    const tn = all.features.find((f) => f.properties.z === 5 && f.properties.count === 3)!.properties;
    expect(tn).toMatchObject({ occupancyPct: null, statedCount: 2, statedMinPct: 60, statedMaxPct: 100 });
    expect(index.getClusterExpansionZoom(tn.clusterId!)).toBeGreaterThan(5);
    const bk = all.features.find((f) => f.properties.z === 5 && f.properties.count === 1)!.properties;
    expect(bk).toMatchObject({ zoneId: 'bk', statedCount: 0, statedMinPct: null });
  });
});

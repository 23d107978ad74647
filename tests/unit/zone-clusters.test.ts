import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import type { MapZoneProps } from '../../client/map/map-features.ts';
import { buildClusterIndex, clustersForAllZooms } from '../../client/map/zone-clusters.ts';

const zone = (id: string, lon: number, leasedHa: number, leasableHa: number, progressPct: number | null = null): Feature<Point, MapZoneProps> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, 22] },
  properties: { id, kind: 'CCN', status: 'operating', preLeasing: false, occupancyPct: null, progressPct, leasedHa, leasableHa, areaHa: 10, nameVi: id, nameEn: id },
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

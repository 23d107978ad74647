/**
 * Supercluster index builds with the client's map/reduce (occupancy sums), for every zone and,
 * to see how it scales, for a point per plot.
 */
import Supercluster from 'supercluster';
import { datasetFeatures } from './workload.ts';
import type { Feature, Point } from 'geojson';
import { buildClusterIndex, clustersForAllZooms } from '../../client/map/zone-clusters.ts';
import type { MapZoneProps } from '../../client/map/map-features.ts';
import type { PlotFeature, ZoneFeature } from '../../geodata/schema.ts';
import { CLUSTER_MAX_ZOOM } from '../../client/map/style/ids.ts';
import { median } from './stats.ts';

const centre = (ring: number[][]): [number, number] => {
  let x = 0;
  let y = 0;
  for (const p of ring.slice(0, -1)) {
    x += p[0]!;
    y += p[1]!;
  }
  return [x / (ring.length - 1), y / (ring.length - 1)];
};

export type ClusterBuild = { zones: number; plots: number; zoneIndexMs: number; zoneAllZoomsMs: number; plotIndexMs: number };

export function measureClusterBuild(geodataDir: string, runs = 5): ClusterBuild {
  const zones = datasetFeatures<ZoneFeature>(geodataDir, 'zones.geojson');
  const plots = datasetFeatures<PlotFeature>(geodataDir, 'plots.geojson');
  const zonePoints: Feature<Point, MapZoneProps>[] = zones.map((z) => {
    const ring = z.geometry.type === 'Polygon' ? z.geometry.coordinates[0]! : z.geometry.coordinates[0]![0]!;
    const p = z.properties;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: centre(ring) },
      properties: {
        id: p.id, kind: p.kind, status: p.status, preLeasing: false, occupancyPct: 50, progressPct: 50,
        leasedHa: 10, leasableHa: 20, occupancyHasHa: true, occupancyBasis: 1, occupancyMissing: false, areaHa: p.totalAreaHa.value ?? 0, nameVi: p.name.vi, nameEn: p.name.en,
        occupancyConfidence: 'sourced', progressConfidence: 'sourced', occupancyYear: 2025, progressYear: 2025, layoutSchematic: false, occupancyStated: false, region: 'bac-kan',
      },
    };
  });
  const plotPoints: Feature<Point, { leased: number; leasable: number }>[] = plots.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: centre(p.geometry.coordinates[0]!) },
    properties: { leased: p.properties.status === 'leased' ? 1 : 0, leasable: 1 },
  }));
  const time = (fn: () => void) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  return {
    zones: zonePoints.length,
    plots: plotPoints.length,
    zoneIndexMs: time(() => buildClusterIndex(zonePoints, CLUSTER_MAX_ZOOM)),
    zoneAllZoomsMs: time(() => clustersForAllZooms(buildClusterIndex(zonePoints, CLUSTER_MAX_ZOOM), CLUSTER_MAX_ZOOM)),
    plotIndexMs: time(() => {
      const index = new Supercluster<{ leased: number; leasable: number }, { leased: number; leasable: number }>({
        radius: 60,
        maxZoom: 16,
        map: (p) => ({ leased: p.leased, leasable: p.leasable }),
        reduce: (a, b) => {
          a.leased += b.leased;
          a.leasable += b.leasable;
        },
      });
      index.load(plotPoints);
    }),
  };
}

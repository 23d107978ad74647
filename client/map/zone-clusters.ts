/**
 * Zone cluster bubbles from supercluster. Leased and leasable hectares are summed by map/reduce,
 * so a bubble's occupancy is the combined rate of its zones (not a mean of rates), computed with
 * the same occupancyRate as everywhere else.
 */
import Supercluster from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { occupancyRate } from '../../geodata/metrics.ts';
import type { ZoneKind } from '../../geodata/vocabulary.ts';
import type { MapZoneProps } from './map-features.ts';

type Sums = { leasedHa: number; leasableHa: number; progressArea: number; progressWeighted: number; kcn: number; ccn: number };

export type ClusterPointProps = {
  /** Integer zoom these clusters belong to; the layer filter shows only the current one. */
  z: number;
  count: number;
  clusterId: number | null;
  zoneId: string | null;
  kind: ZoneKind | 'mixed';
  occupancyPct: number | null;
  progressPct: number | null;
};

const sumsOf = (p: MapZoneProps): Sums => ({
  leasedHa: p.leasedHa,
  leasableHa: p.leasableHa,
  // Progress is averaged over zones by area, counting only zones whose progress is known.
  progressArea: p.progressPct === null ? 0 : p.areaHa,
  progressWeighted: p.progressPct === null ? 0 : p.progressPct * p.areaHa,
  kcn: p.kind === 'KCN' ? 1 : 0,
  ccn: p.kind === 'CCN' ? 1 : 0,
});

export function buildClusterIndex(points: Feature<Point, MapZoneProps>[], maxZoom: number) {
  const index = new Supercluster<MapZoneProps, Sums>({
    radius: 60,
    maxZoom,
    map: sumsOf,
    reduce: (acc, p) => {
      acc.leasedHa += p.leasedHa;
      acc.leasableHa += p.leasableHa;
      acc.progressArea += p.progressArea;
      acc.progressWeighted += p.progressWeighted;
      acc.kcn += p.kcn;
      acc.ccn += p.ccn;
    },
  });
  index.load(points);
  return index;
}

/**
 * The clusters of every integer zoom from 0 to maxZoom in one collection, so the map receives
 * them once and zooming only changes a layer filter.
 */
export function clustersForAllZooms(
  index: Supercluster<MapZoneProps, Sums>,
  maxZoom: number,
): FeatureCollection<Point, ClusterPointProps> {
  const features: Feature<Point, ClusterPointProps>[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    for (const f of index.getClusters([-180, -85, 180, 85], z)) {
      const p = f.properties;
      const isCluster = 'cluster' in p && p.cluster === true;
      const sums = isCluster ? (p as unknown as Sums) : sumsOf(p as MapZoneProps);
      const count = isCluster ? (p as { point_count: number }).point_count : 1;
      const occupancyPct = occupancyRate(sums.leasedHa, sums.leasableHa);
      const progressPct = sums.progressArea > 0 ? Math.round((sums.progressWeighted / sums.progressArea) * 10) / 10 : null;
      const kind: ClusterPointProps['kind'] = sums.kcn && sums.ccn ? 'mixed' : sums.kcn ? 'KCN' : 'CCN';
      features.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          z,
          count,
          clusterId: isCluster ? (p as { cluster_id: number }).cluster_id : null,
          zoneId: isCluster ? null : (p as MapZoneProps).id,
          kind,
          occupancyPct,
          progressPct,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

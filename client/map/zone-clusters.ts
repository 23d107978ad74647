/**
 * Zone cluster bubbles from supercluster. A bubble's occupancy follows aggregateOccupancy
 * (geodata/metrics.ts) by map/reduce: none while a zone that could hold tenants has no figure or
 * the bases differ; the combined rate from hectares where every figure has them (not a mean of
 * rates); otherwise only a rate all its zones share.
 */
import Supercluster from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ConfidenceCode } from '../../geodata/confidence.ts';
import { occupancyRate } from '../../geodata/metrics.ts';
import type { ZoneKind } from '../../geodata/vocabulary.ts';
import type { MapZoneProps } from './map-features.ts';
import { zoneLabelProps, type ZoneLabelProps } from './zone-names.ts';

type Sums = {
  leasedHa: number;
  leasableHa: number;
  counted: number;
  withHa: number;
  missing: number;
  basisMask: number;
  minPct: number;
  maxPct: number;
  progressArea: number;
  progressWeighted: number;
  kcn: number;
  ccn: number;
  /** Zones coloured by a figure a source states (no real plot layout): the figure-source rule. */
  stated: number;
  /** Confidence (geodata/confidence.ts) of the figures counted: how many are partial or schematic, the oldest old one's year. */
  occApprox: number;
  occOldYear: number;
  progApprox: number;
  progOldYear: number;
};

export type ClusterPointProps = ZoneLabelProps & {
  /** Integer zoom these clusters belong to; the layer filter shows only the current one. */
  z: number;
  count: number;
  clusterId: number | null;
  zoneId: string | null;
  kind: ZoneKind | 'mixed';
  occupancyPct: number | null;
  progressPct: number | null;
  /** The bubble's figure rests on a partial or schematic figure: its label reads "≈". */
  occupancyApprox: boolean;
  progressApprox: boolean;
  /** Year of the oldest old figure it rests on, written beside it; 0 for an undated one, -1 for none. */
  occupancyOldYear: number;
  progressOldYear: number;
  /** How many of its zones are coloured by a stated figure rather than their plots (the label says so). */
  statedCount: number;
  /**
   * Which quarter of the zones' spread the bubble lies in, from their mean position ("nw": north
   * and west of it): zone-labels.ts places its name away from the middle and, when it must go to a
   * side, towards the middle, where the first view keeps room, rather than past the map's edge.
   */
  quarter: Quarter;
};

export type Quarter = 'nw' | 'ne' | 'sw' | 'se';

/** The quarter of a point around a middle: on the line counts as north and east. */
const quarterOf = ([lng, lat]: number[], [midLng, midLat]: number[]): Quarter => `${lat! >= midLat! ? 'n' : 's'}${lng! >= midLng! ? 'e' : 'w'}`;

const approx = (counted: boolean, code: ConfidenceCode) => (counted && (code === 'partial' || code === 'schematic') ? 1 : 0);
/** Infinity when the figure is not old; 0 for an undated one. */
const oldYear = (counted: boolean, code: ConfidenceCode, year: number | null) => (counted && code === 'old' ? (year ?? 0) : Infinity);

const sumsOf = (p: MapZoneProps): Sums => ({
  leasedHa: p.leasedHa,
  leasableHa: p.leasableHa,
  counted: p.occupancyPct === null ? 0 : 1,
  withHa: p.occupancyPct !== null && p.occupancyHasHa ? 1 : 0,
  missing: p.occupancyMissing ? 1 : 0,
  basisMask: p.occupancyPct === null ? 0 : p.occupancyBasis,
  minPct: p.occupancyPct ?? Infinity,
  maxPct: p.occupancyPct ?? -Infinity,
  // Progress is averaged over zones by area, counting only zones whose progress is known.
  progressArea: p.progressPct === null ? 0 : p.areaHa,
  progressWeighted: p.progressPct === null ? 0 : p.progressPct * p.areaHa,
  kcn: p.kind === 'KCN' ? 1 : 0,
  ccn: p.kind === 'CCN' ? 1 : 0,
  stated: p.occupancyStated ? 1 : 0,
  occApprox: approx(p.occupancyPct !== null, p.occupancyConfidence),
  occOldYear: oldYear(p.occupancyPct !== null, p.occupancyConfidence, p.occupancyYear),
  progApprox: approx(p.progressPct !== null, p.progressConfidence),
  progOldYear: oldYear(p.progressPct !== null, p.progressConfidence, p.progressYear),
});

/** The same rule as aggregateOccupancy, on the reduced sums. */
function bubbleOccupancy(s: Sums): number | null {
  if (s.missing > 0 || s.counted === 0 || s.basisMask === 3) return null;
  if (s.withHa === s.counted) return occupancyRate(s.leasedHa, s.leasableHa);
  return s.minPct === s.maxPct ? s.minPct : null;
}

export function buildClusterIndex(points: Feature<Point, MapZoneProps>[], maxZoom: number) {
  const index = new Supercluster<MapZoneProps, Sums>({
    radius: 60,
    maxZoom,
    map: sumsOf,
    reduce: (acc, p) => {
      acc.leasedHa += p.leasedHa;
      acc.leasableHa += p.leasableHa;
      acc.counted += p.counted;
      acc.withHa += p.withHa;
      acc.missing += p.missing;
      acc.basisMask |= p.basisMask;
      acc.minPct = Math.min(acc.minPct, p.minPct);
      acc.maxPct = Math.max(acc.maxPct, p.maxPct);
      acc.progressArea += p.progressArea;
      acc.progressWeighted += p.progressWeighted;
      acc.kcn += p.kcn;
      acc.ccn += p.ccn;
      acc.stated += p.stated;
      acc.occApprox += p.occApprox;
      acc.occOldYear = Math.min(acc.occOldYear, p.occOldYear);
      acc.progApprox += p.progApprox;
      acc.progOldYear = Math.min(acc.progOldYear, p.progOldYear);
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
  // Past the index's last zoom every zone is its own point: their mean is the middle of the zones.
  const zones = index.getClusters([-180, -85, 180, 85], maxZoom + 1).map((f) => f.geometry.coordinates);
  const middle = [0, 1].map((i) => zones.reduce((sum, c) => sum + c[i]!, 0) / Math.max(1, zones.length));
  for (let z = 0; z <= maxZoom; z++) {
    for (const f of index.getClusters([-180, -85, 180, 85], z)) {
      const p = f.properties;
      const isCluster = 'cluster' in p && p.cluster === true;
      const sums = isCluster ? (p as unknown as Sums) : sumsOf(p as MapZoneProps);
      const count = isCluster ? (p as { point_count: number }).point_count : 1;
      const occupancyPct = bubbleOccupancy(sums);
      const progressPct = sums.progressArea > 0 ? Math.round((sums.progressWeighted / sums.progressArea) * 10) / 10 : null;
      const kind: ClusterPointProps['kind'] = sums.kcn && sums.ccn ? 'mixed' : sums.kcn ? 'KCN' : 'CCN';
      // The label names every zone of the bubble (clusters only exist for the few zooms below
      // CLUSTER_MAX_ZOOM, so asking for the leaves of each is cheap even at national size).
      const members = isCluster ? index.getLeaves((p as { cluster_id: number }).cluster_id, Infinity).map((l) => l.properties) : [p as MapZoneProps];
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
          occupancyApprox: occupancyPct !== null && sums.occApprox > 0,
          progressApprox: progressPct !== null && sums.progApprox > 0,
          occupancyOldYear: occupancyPct !== null && Number.isFinite(sums.occOldYear) ? sums.occOldYear : -1,
          progressOldYear: progressPct !== null && Number.isFinite(sums.progOldYear) ? sums.progOldYear : -1,
          statedCount: sums.stated,
          quarter: quarterOf(f.geometry.coordinates, middle),
          ...zoneLabelProps(members),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

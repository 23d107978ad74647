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
  /** The lowest and highest of those stated figures (Infinity and -Infinity for none). */
  statedMinPct: number;
  statedMaxPct: number;
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
   * The range of those stated figures, written beside the count when the bubble has no figure of
   * its own ("35 zones · no data · 3 stated: 100 %"): what is known is said, nothing is combined.
   */
  statedMinPct: number | null;
  statedMaxPct: number | null;
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
  statedMinPct: p.occupancyStated && p.occupancyPct !== null ? p.occupancyPct : Infinity,
  statedMaxPct: p.occupancyStated && p.occupancyPct !== null ? p.occupancyPct : -Infinity,
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

function regionIndex(points: Feature<Point, MapZoneProps>[], maxZoom: number) {
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
      acc.statedMinPct = Math.min(acc.statedMinPct, p.statedMinPct);
      acc.statedMaxPct = Math.max(acc.statedMaxPct, p.statedMaxPct);
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
 * One supercluster per region (geodata/regions.ts): a bubble never holds zones of both former
 * provinces, so in the whole province's view the old border still parts the bubbles and each
 * bubble's sums belong to one region's totals. A bubble's id on the map carries its region's
 * index beside its cluster id, so a click can ask the right index how far to zoom.
 */
export class ZoneClusterIndex {
  constructor(readonly parts: Supercluster<MapZoneProps, Sums>[]) {}

  /** The bubble id the map carries: the part's cluster id and the part, in one integer. */
  bubbleId(part: number, clusterId: number): number {
    return clusterId * this.parts.length + part;
  }

  getClusterExpansionZoom(bubbleId: number): number {
    const part = bubbleId % this.parts.length;
    return this.parts[part]!.getClusterExpansionZoom((bubbleId - part) / this.parts.length);
  }
}

export function buildClusterIndex(points: Feature<Point, MapZoneProps>[], maxZoom: number): ZoneClusterIndex {
  const byRegion = new Map<string, Feature<Point, MapZoneProps>[]>();
  for (const p of points) {
    const list = byRegion.get(p.properties.region);
    if (list) list.push(p);
    else byRegion.set(p.properties.region, [p]);
  }
  const regions = [...byRegion.keys()].sort();
  return new ZoneClusterIndex(regions.map((r) => regionIndex(byRegion.get(r)!, maxZoom)));
}

/**
 * The clusters of every integer zoom from 0 to maxZoom in one collection, so the map receives
 * them once and zooming only changes a layer filter.
 */
export function clustersForAllZooms(
  index: ZoneClusterIndex,
  maxZoom: number,
): FeatureCollection<Point, ClusterPointProps> {
  const features: Feature<Point, ClusterPointProps>[] = [];
  // Past the index's last zoom every zone is its own point: their mean is the middle of the zones.
  const zones = index.parts.flatMap((part) => part.getClusters([-180, -85, 180, 85], maxZoom + 1)).map((f) => f.geometry.coordinates);
  const middle = [0, 1].map((i) => zones.reduce((sum, c) => sum + c[i]!, 0) / Math.max(1, zones.length));
  for (const [part, supercluster] of index.parts.entries()) {
    for (let z = 0; z <= maxZoom; z++) {
      for (const f of supercluster.getClusters([-180, -85, 180, 85], z)) {
        const p = f.properties;
        const isCluster = 'cluster' in p && p.cluster === true;
        const sums = isCluster ? (p as unknown as Sums) : sumsOf(p as MapZoneProps);
        const count = isCluster ? (p as { point_count: number }).point_count : 1;
        const occupancyPct = bubbleOccupancy(sums);
        const progressPct = sums.progressArea > 0 ? Math.round((sums.progressWeighted / sums.progressArea) * 10) / 10 : null;
        const kind: ClusterPointProps['kind'] = sums.kcn && sums.ccn ? 'mixed' : sums.kcn ? 'KCN' : 'CCN';
        // The label names every zone of the bubble (clusters only exist for the few zooms below
        // CLUSTER_MAX_ZOOM, so asking for the leaves of each is cheap even at national size).
        const members = isCluster ? supercluster.getLeaves((p as { cluster_id: number }).cluster_id, Infinity).map((l) => l.properties) : [p as MapZoneProps];
        features.push({
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            z,
            count,
            clusterId: isCluster ? index.bubbleId(part, (p as { cluster_id: number }).cluster_id) : null,
            zoneId: isCluster ? null : (p as MapZoneProps).id,
            kind,
            occupancyPct,
            progressPct,
            occupancyApprox: occupancyPct !== null && sums.occApprox > 0,
            progressApprox: progressPct !== null && sums.progApprox > 0,
            occupancyOldYear: occupancyPct !== null && Number.isFinite(sums.occOldYear) ? sums.occOldYear : -1,
            progressOldYear: progressPct !== null && Number.isFinite(sums.progOldYear) ? sums.progOldYear : -1,
            statedCount: sums.stated,
            statedMinPct: Number.isFinite(sums.statedMinPct) ? sums.statedMinPct : null,
            statedMaxPct: Number.isFinite(sums.statedMaxPct) ? sums.statedMaxPct : null,
            quarter: quarterOf(f.geometry.coordinates, middle),
            ...zoneLabelProps(members),
          },
        });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Flattens API features into the flat properties MapLibre expressions read. Pure: no map here.
 */
import { centroid } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { PRE_LEASING_STATUSES, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';

export type MapZoneProps = {
  id: string;
  kind: ZoneKind;
  status: ZoneStatus;
  /** Planned or revoked: no leasable land to colour by occupancy. */
  preLeasing: boolean;
  occupancyPct: number | null;
  progressPct: number | null;
  leasedHa: number;
  leasableHa: number;
  areaHa: number;
  nameVi: string;
  nameEn: string;
};

export function mapZoneProps(z: ZoneApiFeature): MapZoneProps {
  const p = z.properties;
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    preLeasing: PRE_LEASING_STATUSES.includes(p.status),
    occupancyPct: p.occupancy.valuePct,
    progressPct: p.progress.progressPct,
    leasedHa: p.land.leasedHa,
    leasableHa: p.land.leasableHa,
    areaHa: p.totalAreaHa.value ?? 0,
    nameVi: p.name.vi,
    nameEn: p.name.en,
  };
}

export function toZonePoints(zones: ZoneApiFeature[]): FeatureCollection<Point, MapZoneProps> {
  return {
    type: 'FeatureCollection',
    features: zones.map(
      (z): Feature<Point, MapZoneProps> => ({
        type: 'Feature',
        id: z.id,
        geometry: centroid(z).geometry,
        properties: mapZoneProps(z),
      }),
    ),
  };
}

/** The split line being drawn, with a point at each vertex, for the draft source. */
export function draftFeatures(coords: [number, number][]): FeatureCollection {
  const features: Feature[] = coords.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }));
  if (coords.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
  return { type: 'FeatureCollection', features };
}

/**
 * Drops vertices that repeat the one before on screen: a double-click to finish a line also
 * sends two clicks, which must not add a zero-length segment.
 */
export function dropRepeatedVertices<P extends { x: number; y: number }>(points: P[], minPx = 4): P[] {
  const kept: P[] = [];
  for (const p of points) {
    const last = kept.at(-1);
    if (!last || Math.hypot(p.x - last.x, p.y - last.y) >= minPx) kept.push(p);
  }
  return kept;
}

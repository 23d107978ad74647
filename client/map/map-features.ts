/**
 * API features as the flat features the map's GeoJSON sources hold. Pure: no map here.
 */
import { centroid } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { mapZoneProps as zoneProps, type MapZoneProps } from '../../geodata/map-props.ts';
import { zoneLabelProps, type ZoneLabelProps } from './zone-names.ts';

export type { MapZoneProps } from '../../geodata/map-props.ts';

/** A zone's flat map properties: the same function the server's vector tiles use (geodata/map-props.ts). */
export const mapZoneProps = (z: ZoneApiFeature): MapZoneProps => zoneProps(z.properties);

/** A zone point: the zone's map properties and its label (short name, figure line), one zone counted. */
export type ZonePointProps = MapZoneProps & ZoneLabelProps & { count: 1 };

export function toZonePoints(zones: ZoneApiFeature[]): FeatureCollection<Point, ZonePointProps> {
  return {
    type: 'FeatureCollection',
    features: zones.map((z): Feature<Point, ZonePointProps> => {
      const props = mapZoneProps(z);
      return { type: 'Feature', id: z.id, geometry: centroid(z).geometry, properties: { ...props, ...zoneLabelProps([props]), count: 1 } };
    }),
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

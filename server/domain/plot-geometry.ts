/** Splitting and merging plot polygons. Pure geometry; the edit functions decide what to store. */
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { union } from '@turf/union';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';

/** Parts smaller than this (m²) are slivers from a line that only grazes the plot. */
const MIN_PART_M2 = 10;

/** Twice the signed area of a ring in degrees: positive when counter-clockwise. */
const signedArea = (ring: Position[]) => ring.reduce((s, p, i) => (i ? s + (ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!) : s), 0);

/** Rounds to 1e-7° (~1 cm) and winds rings per RFC 7946: exterior counter-clockwise, holes clockwise. */
const normalize = (g: Polygon): Polygon => ({
  type: 'Polygon',
  coordinates: g.coordinates.map((ring, i) => {
    const r = ring.map(([x, y]) => [Math.round(x! * 1e7) / 1e7, Math.round(y! * 1e7) / 1e7]);
    return (signedArea(r) > 0) === (i === 0) ? r : r.reverse();
  }),
});

/**
 * Cuts a polygon in two along a line. The line is extended well past the polygon at both ends
 * and closed into a half-plane on its left; the parts are the polygon inside and outside it.
 * Returns null unless the result is exactly two polygons of real size.
 */
export function splitPolygon(poly: Polygon, line: LineString): [Polygon, Polygon] | null {
  const pts = line.coordinates;
  if (pts.length < 2 || kinks(line).features.length > 0) return null;
  const [w, s, e, n] = bbox(poly);
  const reach = 4 * Math.max(e - w, n - s, 1e-6);
  const extend = (from: Position, to: Position): Position => {
    const dx = to[0]! - from[0]!;
    const dy = to[1]! - from[1]!;
    const len = Math.hypot(dx, dy) || 1;
    return [to[0]! + (dx / len) * reach, to[1]! + (dy / len) * reach];
  };
  const start = extend(pts[1]!, pts[0]!);
  const end = extend(pts[pts.length - 2]!, pts[pts.length - 1]!);
  const dx = end[0]! - start[0]!;
  const dy = end[1]! - start[1]!;
  const len = Math.hypot(dx, dy) || 1;
  const left: Position = [-dy / len * reach * 4, dx / len * reach * 4];
  const halfPlane: Polygon = {
    type: 'Polygon',
    coordinates: [[start, ...pts, end, [end[0]! + left[0]!, end[1]! + left[1]!], [start[0]! + left[0]!, start[1]! + left[1]!], start]],
  };
  if (kinks(halfPlane).features.length > 0) return null;
  const a = intersect(featureCollection([feature(poly), feature(halfPlane)]));
  const b = difference(featureCollection([feature(poly), feature(halfPlane)]));
  if (!a || !b || a.geometry.type !== 'Polygon' || b.geometry.type !== 'Polygon') return null;
  if (area(a) < MIN_PART_M2 || area(b) < MIN_PART_M2) return null;
  return [normalize(a.geometry), normalize(b.geometry)];
}

/** The union of adjacent polygons, or null when they do not form one polygon. */
export function mergePolygons(polys: Polygon[]): Polygon | null {
  const merged = union(featureCollection(polys.map((p) => feature(p))));
  if (!merged) return null;
  const g: Polygon | MultiPolygon = merged.geometry;
  return g.type === 'Polygon' ? normalize(g) : null;
}

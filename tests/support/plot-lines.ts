import type { Polygon } from 'geojson';

/**
 * A straight cut across a plot, drawn the way a planner draws it: from outside one edge to
 * outside the opposite one, at `at` (0–1) of the plot's width (north–south line) or height.
 */
export function cutAcross(geometry: Polygon, at = 0.5, direction: 'north-south' | 'east-west' = 'north-south') {
  const ring = geometry.coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const pad = 0.001;
  if (direction === 'north-south') {
    const lon = w + (e - w) * at;
    return { type: 'LineString' as const, coordinates: [[lon, s - pad], [lon, n + pad]] };
  }
  const lat = s + (n - s) * at;
  return { type: 'LineString' as const, coordinates: [[w - pad, lat], [e + pad, lat]] };
}

import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { findCrs, fromWgs84 } from '../../geodata/crs/index.ts';

type ZoneLike = { id: string | number; geometry: { type?: string; coordinates: unknown[] } };

const positions = (x: unknown[]): number[][] => (typeof x[0] === 'number' ? [x as number[]] : x.flatMap((y) => positions(y as unknown[])));

/** Cells of a side × side grid over [w, s, e, n], each 90 % of its square (a gap between plots). */
function cells([w, s, e, n]: number[], side: number): number[][][] {
  const dx = (e! - w!) / side;
  const dy = (n! - s!) / side;
  return Array.from({ length: side * side }, (_, i) => {
    const x0 = w! + (i % side) * dx;
    const y0 = s! + Math.floor(i / side) * dy;
    return [[x0, y0], [x0 + dx * 0.9, y0], [x0 + dx * 0.9, y0 + dy * 0.9], [x0, y0 + dy * 0.9], [x0, y0]];
  });
}

/**
 * A large plots upload: a grid of `n` plots over the zone's bounding box, in VN-2000 / TM-3
 * (EPSG:9213), so reading it reprojects every vertex and checks every plot against the zone.
 * With `inside`, only cells wholly inside the zone, on a grid fine enough to hold `n` of them, so
 * the whole file is accepted and a commit writes all `n` plots.
 */
export function gridPlotsFile(zone: ZoneLike, n: number, opts: { inside?: boolean } = {}): string {
  const all = positions(zone.geometry.coordinates);
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  let side = Math.ceil(Math.sqrt(n));
  let rings = cells(box, side);
  if (opts.inside) {
    const shape = zone.geometry as Polygon | MultiPolygon;
    const within = (ring: number[][]) => [...ring, [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2]].every((p) => booleanPointInPolygon(p, shape));
    for (;;) {
      rings = cells(box, side).filter(within);
      if (rings.length >= n) break;
      side = Math.ceil(side * Math.sqrt((n / Math.max(rings.length, 1)) * 1.05));
    }
  }
  const toTm3 = fromWgs84(findCrs('EPSG:9213')!);
  const features = rings.slice(0, n).map((ring, i) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring.map((p) => toTm3(p))] },
    properties: { id: `${zone.id}-g-${i + 1}`, zone_id: zone.id, code: `G-${i + 1}`, land_use: 'industrial', status: 'available', accuracy: 'approximate' },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

import { findCrs, fromWgs84 } from '../../geodata/crs/index.ts';

type ZoneLike = { id: string | number; geometry: { coordinates: unknown[] } };

const positions = (x: unknown[]): number[][] => (typeof x[0] === 'number' ? [x as number[]] : x.flatMap((y) => positions(y as unknown[])));

/**
 * A large plots upload: a grid of `n` plots over the zone's bounding box, in VN-2000 / TM-3
 * (EPSG:9213), so reading it reprojects every vertex and checks every plot against the zone.
 */
export function gridPlotsFile(zone: ZoneLike, n: number): string {
  const all = positions(zone.geometry.coordinates);
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [w, s, e, north] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const side = Math.ceil(Math.sqrt(n));
  const dx = (e - w) / side;
  const dy = (north - s) / side;
  const toTm3 = fromWgs84(findCrs('EPSG:9213')!);
  const features = Array.from({ length: n }, (_, i) => {
    const x0 = w + (i % side) * dx;
    const y0 = s + Math.floor(i / side) * dy;
    const ring = [[x0, y0], [x0 + dx * 0.9, y0], [x0 + dx * 0.9, y0 + dy * 0.9], [x0, y0 + dy * 0.9], [x0, y0]].map((p) => toTm3(p));
    return {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { id: `${zone.id}-g-${i + 1}`, zone_id: zone.id, code: `G-${i + 1}`, land_use: 'industrial', status: 'available', accuracy: 'approximate' },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

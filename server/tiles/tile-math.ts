/** Web Mercator tile arithmetic (XYZ scheme, y down from the north, as MapLibre asks for tiles). */
import type { FieldReason } from '../../geodata/rules/reasons.ts';
export type BBox = [west: number, south: number, east: number, north: number];

/** Tiles beyond this zoom are refused: MapLibre overzooms lower tiles anyway. */
export const MAX_TILE_ZOOM = 22;

const lonOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const latOf = (y: number, z: number) => {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

/** The tile's extent in degrees, widened by `buffer` (a share of the tile size, e.g. 64 / 4096). */
export function tileBBox(z: number, x: number, y: number, buffer = 0): BBox {
  return [lonOf(x - buffer, z), latOf(y + 1 + buffer, z), lonOf(x + 1 + buffer, z), latOf(y - buffer, z)];
}

export const bboxesIntersect = (a: readonly number[], b: readonly number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * z/x/y from the path, or the reason they are not a tile: integers (no signs, no exponents),
 * 0 ≤ z ≤ MAX_TILE_ZOOM and 0 ≤ x, y < 2^z.
 */
export function parseTile(zs: string, xs: string, ys: string): { z: number; x: number; y: number } | { errors: FieldReason[] } {
  const errors: FieldReason[] = [];
  const int = (field: string, s: string) => {
    if (!/^\d{1,8}$/.test(s)) {
      errors.push({ field, reason: { code: 'tileInteger' } });
      return null;
    }
    return Number(s);
  };
  const z = int('z', zs);
  const x = int('x', xs);
  const y = int('y', ys);
  if (z !== null && z > MAX_TILE_ZOOM) errors.push({ field: 'z', reason: { code: 'tileZoom', params: { max: MAX_TILE_ZOOM } } });
  if (z !== null && z <= MAX_TILE_ZOOM) {
    const n = 2 ** z;
    if (x !== null && x >= n) errors.push({ field: 'x', reason: { code: 'tileColumn', params: { n } } });
    if (y !== null && y >= n) errors.push({ field: 'y', reason: { code: 'tileRow', params: { n } } });
  }
  if (errors.length || z === null || x === null || y === null) return { errors };
  return { z, x, y };
}

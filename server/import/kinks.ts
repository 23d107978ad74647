/**
 * Self-intersections for the import, with bounded work. Small geometries go to turf's `kinks`
 * (through geodata's selfIntersections), which compares every pair of segments. A geometry with
 * more segments than that loop can afford is swept instead: segments sorted by their left end,
 * each compared only with those whose x-range and y-range it meets. Both use the same test and
 * leave out the same pairs (neighbours in a ring, the first and last segment of a closed ring),
 * so they find the same crossings. The comparisons of a whole file are counted against one
 * budget: a file of outlines too tangled to check in it gets an error instead of a hang.
 */
import type { Geometry, Position } from 'geojson';
import { selfCrossings, selfIntersections } from '../../geodata/check-geometry.ts';

/** Below this many segments turf's every-pair loop is cheap (≤ 125,000 comparisons). */
const SMALL = 500;

/** `crossings` is the problem's values (for the message table); `problem` its English. */
export type KinkResult = { problem: string | null; crossings?: { n: number; near: string } } | { tooComplex: number };

const linesOf = (g: Geometry): Position[][] =>
  g.type === 'LineString' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];

/** turf's lineIntersects: the crossing point when the segments meet (ends included), parallel ones never. */
function crossing(a: Position, b: Position, c: Position, d: Position): Position | null {
  const den = (d[1]! - c[1]!) * (b[0]! - a[0]!) - (d[0]! - c[0]!) * (b[1]! - a[1]!);
  if (den === 0) return null;
  const ay = a[1]! - c[1]!;
  const ax = a[0]! - c[0]!;
  const s = ((d[0]! - c[0]!) * ay - (d[1]! - c[1]!) * ax) / den;
  const t = ((b[0]! - a[0]!) * ay - (b[1]! - a[1]!) * ax) / den;
  if (s < 0 || s > 1 || t < 0 || t > 1) return null;
  return [a[0]! + s * (b[0]! - a[0]!), a[1]! + s * (b[1]! - a[1]!)];
}

/**
 * Self-intersections of a line or area, or how many segments it has when the budget ran out.
 * `turfUpTo`: the most segments left to turf (tests pass 0 to compare the sweep with turf).
 */
export function selfIntersectionsBounded(g: Geometry, budget: { left: number }, turfUpTo = SMALL): KinkResult {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon' && g.type !== 'LineString') return { problem: null };
  const lines = linesOf(g);
  const segments = lines.reduce((n, l) => n + Math.max(0, l.length - 1), 0);
  if (segments <= turfUpTo) {
    budget.left -= (segments * segments) / 2;
    const c = selfCrossings(g);
    return c ? { problem: selfIntersections(g), crossings: c } : { problem: null };
  }
  // Segment s: line L[s], index I[s] in it, bounds.
  const L = new Int32Array(segments);
  const I = new Int32Array(segments);
  const minX = new Float64Array(segments);
  const maxX = new Float64Array(segments);
  const minY = new Float64Array(segments);
  const maxY = new Float64Array(segments);
  let s = 0;
  lines.forEach((line, li) => {
    for (let i = 0; i < line.length - 1; i++, s++) {
      const a = line[i]!;
      const b = line[i + 1]!;
      L[s] = li;
      I[s] = i;
      minX[s] = Math.min(a[0]!, b[0]!);
      maxX[s] = Math.max(a[0]!, b[0]!);
      minY[s] = Math.min(a[1]!, b[1]!);
      maxY[s] = Math.max(a[1]!, b[1]!);
    }
  });
  const order = Array.from({ length: segments }, (_, k) => k).sort((p, q) => minX[p]! - minX[q]!);
  const closed = lines.map((l) => l.length > 1 && l[0]![0] === l[l.length - 1]![0] && l[0]![1] === l[l.length - 1]![1]);
  let found = 0;
  let first: { key: number; at: Position } | null = null;
  for (let p = 0; p < segments; p++) {
    const u = order[p]!;
    for (let q = p + 1; q < segments; q++) {
      const v = order[q]!;
      if (minX[v]! > maxX[u]!) break;
      if (--budget.left < 0) return { tooComplex: segments };
      if (minY[v]! > maxY[u]! || minY[u]! > maxY[v]!) continue;
      const [x, y] = u < v ? [u, v] : [v, u];
      const line = lines[L[x]!]!;
      if (L[x] === L[y]) {
        if (I[y]! - I[x]! === 1) continue;
        if (I[x] === 0 && I[y] === line.length - 2 && closed[L[x]!]) continue;
      }
      const other = lines[L[y]!]!;
      const at = crossing(line[I[x]!]!, line[I[x]! + 1]!, other[I[y]!]!, other[I[y]! + 1]!);
      if (!at) continue;
      found++;
      const key = x * segments + y;
      if (!first || key < first.key) first = { key, at };
    }
  }
  if (!first) return { problem: null };
  const near = first.at.map((c) => Math.round(c * 1e6) / 1e6);
  return { problem: `self-intersects at ${found} point(s), first near [${near.join(', ')}]`, crossings: { n: found, near: near.join(', ') } };
}

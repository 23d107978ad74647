/**
 * Exact, cheap planar tests and a bounding-box grid that let geodata:check skip polygon clipping
 * where the answer is certain. Each test only ever answers "certainly yes"; anything doubtful
 * (touching boundaries, non-convex shapes, holes) is left to turf, which decides as before.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Ring = Position[];
type Box = number[];

/** Twice the signed area of triangle abc: > 0 when a→b→c turns left. */
const orient = (a: Position, b: Position, c: Position) => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);

/** The ring itself when it is closed and convex (every turn the same way, straight runs allowed), else null. */
export function convexRing(ring: Ring): Ring | null {
  const n = ring.length - 1;
  if (n < 3) return null;
  const first = ring[0]!;
  const last = ring[n]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return null;
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const o = orient(ring[i]!, ring[(i + 1) % n]!, ring[(i + 2) % n]!);
    if (o === 0) continue;
    const s = o > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return null;
  }
  return sign === 0 ? null : ring;
}

/**
 * Separating-axis test for two convex rings: true when an edge normal of either separates them,
 * so their interiors cannot share any area. Projections that meet within 1e-11 of the axis length
 * (about a micrometre in degrees) count as touching, which is what shared plot edges do.
 */
export function separatedConvex(a: Ring, b: Ring): boolean {
  return hasSeparatingEdge(a, b) || hasSeparatingEdge(b, a);
}

function hasSeparatingEdge(a: Ring, b: Ring): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    const p = a[i]!;
    const q = a[i + 1]!;
    const nx = -(q[1]! - p[1]!);
    const ny = q[0]! - p[0]!;
    const len = Math.hypot(nx, ny);
    if (len === 0) continue;
    let minA = Infinity;
    let maxA = -Infinity;
    for (let k = 0; k < a.length - 1; k++) {
      const d = nx * a[k]![0]! + ny * a[k]![1]!;
      if (d < minA) minA = d;
      if (d > maxA) maxA = d;
    }
    let minB = Infinity;
    let maxB = -Infinity;
    for (let k = 0; k < b.length - 1; k++) {
      const d = nx * b[k]![0]! + ny * b[k]![1]!;
      if (d < minB) minB = d;
      if (d > maxB) maxB = d;
    }
    const eps = 1e-11 * len;
    if (maxA <= minB + eps || maxB <= minA + eps) return true;
  }
  return false;
}

/** Even-odd ray casting; points on the boundary may go either way, so callers exclude contact separately. */
function insideRing(p: Position, ring: Ring): boolean {
  const x = p[0]!;
  const y = p[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when segments pq and rs cross or touch (including collinear contact), with a small margin. */
function segmentsMeet(p: Position, q: Position, r: Position, s: Position): boolean {
  const scale = Math.max(Math.abs(q[0]! - p[0]!), Math.abs(q[1]! - p[1]!), Math.abs(s[0]! - r[0]!), Math.abs(s[1]! - r[1]!));
  const eps = 1e-9 * scale * scale;
  const o1 = orient(p, q, r);
  const o2 = orient(p, q, s);
  const o3 = orient(r, s, p);
  const o4 = orient(r, s, q);
  // Any near-zero orientation is a possible contact: report it so the caller falls back to turf.
  if (Math.abs(o1) <= eps || Math.abs(o2) <= eps || Math.abs(o3) <= eps || Math.abs(o4) <= eps) {
    return Math.min(p[0]!, q[0]!) <= Math.max(r[0]!, s[0]!) && Math.min(r[0]!, s[0]!) <= Math.max(p[0]!, q[0]!) &&
      Math.min(p[1]!, q[1]!) <= Math.max(r[1]!, s[1]!) && Math.min(r[1]!, s[1]!) <= Math.max(p[1]!, q[1]!);
  }
  return o1 > 0 !== o2 > 0 && o3 > 0 !== o4 > 0;
}

/**
 * True when the ring `inner` certainly lies inside `outer`: all its corners inside one hole-free
 * part of it, and no edge of one meets an edge of the other. (Its boundary then never leaves
 * that part, so neither does its interior.) False means "not sure", never "outside".
 */
export function surelyInside(inner: Ring, outer: Polygon | MultiPolygon): boolean {
  const parts = outer.type === 'Polygon' ? [outer.coordinates] : outer.coordinates;
  if (parts.some((rings) => rings.length !== 1)) return false;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of inner) {
    if (p[0]! < minX) minX = p[0]!;
    if (p[1]! < minY) minY = p[1]!;
    if (p[0]! > maxX) maxX = p[0]!;
    if (p[1]! > maxY) maxY = p[1]!;
  }
  for (const [ring] of parts) {
    if (!ring || !insideRing(inner[0]!, ring)) continue;
    if (!inner.every((p) => insideRing(p, ring))) return false;
    for (let k = 0; k < ring.length - 1; k++) {
      const r = ring[k]!;
      const s = ring[k + 1]!;
      if (Math.max(r[0]!, s[0]!) < minX || Math.min(r[0]!, s[0]!) > maxX || Math.max(r[1]!, s[1]!) < minY || Math.min(r[1]!, s[1]!) > maxY) continue;
      for (let i = 0; i < inner.length - 1; i++) if (segmentsMeet(inner[i]!, inner[i + 1]!, r, s)) return false;
    }
    return true;
  }
  return false;
}

/**
 * Calls `pair(i, j)` (i < j) once for every pair of boxes [minX, minY, maxX, maxY] that meet,
 * edges included, without comparing every pair: boxes go into a uniform grid sized from the
 * median box, and a pair is reported only from the cell holding the corner where both begin.
 */
export function candidatePairs(boxes: readonly Box[], pair: (i: number, j: number) => void): void {
  const n = boxes.length;
  if (n < 2) return;
  const meet = (a: Box, b: Box) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
  if (n <= 64) {
    for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) if (meet(boxes[i]!, boxes[j]!)) pair(i, j);
    return;
  }
  const sizes = boxes.map((b) => Math.max(b[2]! - b[0]!, b[3]! - b[1]!)).sort((a, b) => a - b);
  const cell = Math.max(2 * sizes[n >> 1]!, 1e-9);
  const cellOf = (v: number) => Math.floor(v / cell);
  const grid = new Map<number, number[]>();
  const large: number[] = [];
  const KEY = 2 ** 26;
  const key = (cx: number, cy: number) => (cx + KEY / 2) * KEY + (cy + KEY / 2);
  const tooWide = (b: Box) => (cellOf(b[2]!) - cellOf(b[0]!) + 1) * (cellOf(b[3]!) - cellOf(b[1]!) + 1) > 1024;
  boxes.forEach((b, i) => {
    if (tooWide(b)) {
      large.push(i);
      return;
    }
    for (let cx = cellOf(b[0]!); cx <= cellOf(b[2]!); cx++) {
      for (let cy = cellOf(b[1]!); cy <= cellOf(b[3]!); cy++) {
        const k = key(cx, cy);
        const list = grid.get(k);
        if (list) list.push(i);
        else grid.set(k, [i]);
      }
    }
  });
  for (const [k, list] of grid) {
    for (let x = 1; x < list.length; x++) {
      for (let y = 0; y < x; y++) {
        const a = boxes[list[y]!]!;
        const b = boxes[list[x]!]!;
        if (!meet(a, b)) continue;
        // Report from one cell only: the one holding the lower-left corner of the boxes' overlap.
        if (key(cellOf(Math.max(a[0]!, b[0]!)), cellOf(Math.max(a[1]!, b[1]!))) !== k) continue;
        const [i, j] = list[y]! < list[x]! ? [list[y]!, list[x]!] : [list[x]!, list[y]!];
        pair(i, j);
      }
    }
  }
  const isLarge = new Set(large);
  for (const l of large) {
    for (let o = 0; o < n; o++) {
      if (o === l || (isLarge.has(o) && o < l)) continue;
      if (meet(boxes[l]!, boxes[o]!)) pair(Math.min(l, o), Math.max(l, o));
    }
  }
}

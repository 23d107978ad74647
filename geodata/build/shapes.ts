/**
 * Deterministic sketch geometry for the generator: irregular convex zone outlines of a given
 * area and schematic plot grids clipped to them. Nothing here is surveyed; see geodata/README.md.
 */
import { booleanClockwise, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { areaHa } from '../metrics.ts';

export type LonLat = [number, number];
/** A polygon whose positions are [lon, lat] tuples, as the schema's types want. */
export type SketchPolygon = { type: 'Polygon'; coordinates: LonLat[][] };

/** Six decimals is ~0.1 m: far below the accuracy of any sketch, and keeps the files small. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
export const roundPosition = (p: Position): LonLat => [round6(p[0]!), round6(p[1]!)];

/** mulberry32 seeded from an FNV-1a hash, so each zone's shape depends only on its id. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const M_PER_DEG = 111_195;
/** Local equirectangular frame: good to ~0.1 % over a few km, and areas are rescaled with turf anyway. */
export function metresToLonLat(center: LonLat, x: number, y: number): LonLat {
  const cos = Math.cos((center[1] * Math.PI) / 180);
  return [center[0] + x / (M_PER_DEG * cos), center[1] + y / M_PER_DEG];
}

function isConvexCcw(ring: Position[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    const c = ring[(i + 2) % n]!;
    const cross = (b[0]! - a[0]!) * (c[1]! - b[1]!) - (b[1]! - a[1]!) * (c[0]! - b[0]!);
    if (cross <= 0) return false;
  }
  return true;
}

export type ZoneShape = {
  center: LonLat;
  areaHa: number;
  vertices: number;
  /** Length ÷ width of the underlying ellipse. */
  aspect: number;
  /** Rotation of the long axis, degrees counter-clockwise from east. */
  rotationDeg: number;
  seed: string;
};

/**
 * A convex polygon with `vertices` corners around `center` whose turf area is `areaHa` (±0.2 %).
 * Corners are jittered around an ellipse; angles increase, so the ring is counter-clockwise.
 */
export function sketchZone(shape: ZoneShape): SketchPolygon {
  const rand = seededRandom(shape.seed);
  const step = (2 * Math.PI) / shape.vertices;
  const rot = (shape.rotationDeg * Math.PI) / 180;
  for (let attempt = 0; attempt < 100; attempt++) {
    const unit: [number, number][] = [];
    for (let i = 0; i < shape.vertices; i++) {
      const theta = i * step + (rand() - 0.5) * 0.5 * step;
      const r = 1 + (rand() - 0.5) * 0.18;
      const ex = r * Math.cos(theta) * Math.sqrt(shape.aspect);
      const ey = (r * Math.sin(theta)) / Math.sqrt(shape.aspect);
      unit.push([ex * Math.cos(rot) - ey * Math.sin(rot), ex * Math.sin(rot) + ey * Math.cos(rot)]);
    }
    const at = (scaleM: number): SketchPolygon => {
      const ring = unit.map(([x, y]) => roundPosition(metresToLonLat(shape.center, x * scaleM, y * scaleM)));
      return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    };
    let scale = 300;
    for (let k = 0; k < 4; k++) scale *= Math.sqrt(shape.areaHa / areaHa(at(scale)));
    const poly = at(scale);
    if (!isConvexCcw(poly.coordinates[0]!)) continue;
    if (Math.abs(areaHa(poly) / shape.areaHa - 1) > 0.002) throw new Error(`area not reached for ${shape.seed}`);
    return poly;
  }
  throw new Error(`no convex shape found for ${shape.seed}`);
}

/** The same ring shrunk towards `center`; inside the original because the ring is convex around it. */
export function shrink(poly: SketchPolygon, center: LonLat, factor: number): SketchPolygon {
  const ring = poly.coordinates[0]!.map((p) =>
    roundPosition([center[0] + (p[0]! - center[0]) * factor, center[1] + (p[1]! - center[1]) * factor]),
  );
  return { type: 'Polygon', coordinates: [ring] };
}

export type GridCell = {
  row: number;
  col: number;
  polygon: SketchPolygon;
  areaHa: number;
  /** Share of the uncut rectangle left after clipping: small values are edge slivers. */
  fill: number;
};

export type GridSpec = {
  /** Relative row heights, north to south. */
  rowWeights: number[];
  cols: number;
  /** Width of the road strips left between cells. */
  gapM: number;
  /** Cells smaller than this are dropped (they stay unallocated zone land). */
  minHa: number;
};

/** Clips a north-up grid of rectangles, separated by road gaps, to `area`. */
export function gridCells(area: SketchPolygon, center: LonLat, spec: GridSpec): GridCell[] {
  const ring = area.coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const gapDeg = metresToLonLat(center, spec.gapM, spec.gapM);
  const gapX = gapDeg[0] - center[0];
  const gapY = gapDeg[1] - center[1];
  const cellW = (maxX - minX - gapX * (spec.cols - 1)) / spec.cols;
  const totalW = spec.rowWeights.reduce((a, b) => a + b, 0);
  const freeH = maxY - minY - gapY * (spec.rowWeights.length - 1);

  const cells: GridCell[] = [];
  let top = maxY;
  spec.rowWeights.forEach((w, row) => {
    const bottom = top - (freeH * w) / totalW;
    for (let col = 0; col < spec.cols; col++) {
      const left = minX + col * (cellW + gapX);
      const right = left + cellW;
      const rect = turfPolygon([[[left, bottom], [right, bottom], [right, top], [left, top], [left, bottom]]]);
      const clipped = intersect(featureCollection([turfPolygon(area.coordinates), rect]));
      if (clipped?.geometry.type !== 'Polygon') continue;
      const polygon = tidy(clipped.geometry);
      if (!polygon) continue;
      const cellHa = areaHa(polygon);
      if (cellHa < spec.minHa) continue;
      cells.push({ row, col, polygon, areaHa: cellHa, fill: cellHa / areaHa(rect.geometry) });
    }
    top = bottom - gapY;
  });
  return cells;
}

/** Rounds, drops repeated corners and makes the exterior counter-clockwise. */
function tidy(poly: { coordinates: Position[][] }): SketchPolygon | null {
  const out: LonLat[] = [];
  for (const p of poly.coordinates[0]!) {
    const q = roundPosition(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) return null;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push(first);
  if (booleanClockwise(out)) out.reverse();
  return { type: 'Polygon', coordinates: [out] };
}

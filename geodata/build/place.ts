/**
 * Places an approximate zone outline inside the commune its sources give, for zones that no
 * source locates more precisely: a square-ish convex sketch (shapes.ts) of the sourced area,
 * centred as near as possible to a starting point (a sourced point where one exists, else the
 * commune's own interior point), lying wholly inside the commune and overlapping no zone placed
 * before it. Deterministic: the same inputs, in the same order, give the same outlines.
 */
import { area, bbox, booleanPointInPolygon, difference, feature, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { joinCommunes } from '../admin/derive-commune.ts';
import { convexRing, type Ring, separatedConvex } from '../geometry-index.ts';
import { areaHa } from '../metrics.ts';
import { type LonLat, metresToLonLat, roundPosition, type SketchPolygon, sketchZone } from './shapes.ts';

/** Spacing of the candidate centres: fine enough to fit a zone into a narrow ward. */
const STEP_M = 150;
/** Candidates are tried outwards up to this distance from the start. */
const MAX_RADIUS_M = 15_000;
/** Below this, a spill out of the commune or an overlap is rounding. */
const TOLERANCE_M2 = 1;

export type Placement = {
  /** GSO code of the commune the outline must lie in. */
  communeCode: string;
  areaHa: number;
  seed: string;
  /** Where to start looking: a sourced point; else the commune's interior point. */
  start?: LonLat;
  /** Length ÷ width; 1.2 by default (square-ish). */
  aspect?: number;
  rotationDeg?: number;
};

type Area = Polygon | MultiPolygon;
type Box = [number, number, number, number];

const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function communeGeometry(code: string): Area {
  const c = joinCommunes().communes.find((x) => x.code === code);
  if (!c) throw new Error(`no commune with code ${code}`);
  return c.geometry;
}

/** Candidate centres on a square spiral around the start, nearest rings first. */
function* spiral(start: LonLat): Generator<LonLat> {
  yield start;
  for (let ring = 1; ring * STEP_M <= MAX_RADIUS_M; ring++) {
    for (let i = -ring; i < ring; i++) {
      yield metresToLonLat(start, i * STEP_M, ring * STEP_M);
      yield metresToLonLat(start, ring * STEP_M, -i * STEP_M);
      yield metresToLonLat(start, -i * STEP_M, -ring * STEP_M);
      yield metresToLonLat(start, -ring * STEP_M, i * STEP_M);
    }
  }
}

/**
 * The outline and its centre; throws when no place within MAX_RADIUS_M fits (the zone is too
 * large for the free room of its commune), so that a bad table never writes data.
 */
export function placeInCommune(p: Placement, taken: Area[]): { polygon: SketchPolygon; center: LonLat; shiftM: number } {
  const commune = communeGeometry(p.communeCode);
  const communeBox = bbox(commune) as Box;
  const start = p.start ?? (pointOnFeature(commune).geometry.coordinates as LonLat);
  const takenBoxes = taken.map((t) => bbox(t) as Box);
  // Sketches are convex: a separating axis settles most pairs without clipping.
  const takenConvex = taken.map((t): Ring | null => (t.type === 'Polygon' && t.coordinates.length === 1 ? convexRing(t.coordinates[0]!) : null));
  // The shape is sketched once, at the start, and moved: over a few km its area changes by far less than 0.1 %.
  const shape = sketchZone({ center: start, areaHa: p.areaHa, vertices: 8, aspect: p.aspect ?? 1.2, rotationDeg: p.rotationDeg ?? 0, seed: p.seed });
  const cos = Math.cos((start[1] * Math.PI) / 180);
  const offsets = shape.coordinates[0]!.map(([lon, lat]) => [(lon - start[0]) * 111_195 * cos, (lat - start[1]) * 111_195] as const);
  for (const center of spiral(start)) {
    const ring = offsets.map(([x, y]) => roundPosition(metresToLonLat(center, x, y)));
    const polygon: SketchPolygon = { type: 'Polygon', coordinates: [ring] };
    const box = bbox(polygon) as Box;
    if (box[0] < communeBox[0] || box[1] < communeBox[1] || box[2] > communeBox[2] || box[3] > communeBox[3]) continue;
    if (!booleanPointInPolygon(center, commune)) continue;
    if (!ring.every((v) => booleanPointInPolygon(v, commune))) continue;
    const mine = convexRing(ring);
    const clash = taken.some((t, i) => {
      if (!boxesMeet(box, takenBoxes[i]!)) return false;
      const other = takenConvex[i];
      if (mine && other && separatedConvex(mine, other)) return false;
      const shared = intersect(featureCollection<Area>([feature(polygon), feature(t)]));
      return !!shared && area(shared) > TOLERANCE_M2;
    });
    if (clash) continue;
    // Last, the exact test against the commune's boundary (the vertices can all be inside while an edge cuts a bend).
    const spill = difference(featureCollection<Area>([feature(polygon), feature(commune)]));
    if (spill && area(spill) > TOLERANCE_M2) continue;
    if (Math.abs(areaHa(polygon) / p.areaHa - 1) > 0.002) throw new Error(`${p.seed}: the moved outline lost its area`);
    const dx = (center[0] - start[0]) * 111_195 * cos;
    const dy = (center[1] - start[1]) * 111_195;
    return { polygon, center, shiftM: Math.round(Math.hypot(dx, dy)) };
  }
  throw new Error(`${p.seed}: no room for ${p.areaHa} ha in commune ${p.communeCode} within ${MAX_RADIUS_M / 1000} km of the start`);
}

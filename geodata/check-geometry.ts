/**
 * Geometry checks: RFC 7946 validity (ranges, lon/lat order, closed rings, right-hand winding),
 * self-intersections, the province envelope, plots inside their zone and no overlaps.
 *
 * Fast enough for a national dataset (~200k plots): overlap candidates come from a grid of
 * bounding boxes instead of every pair, and exact cheap tests settle the common cases (a plot
 * whose outline stays strictly inside its zone's, two convex polygons with a separating axis).
 * Only the rest goes to turf's polygon clipping, which decides exactly as before.
 */
import {
  area,
  bbox,
  booleanClockwise,
  booleanPointInPolygon,
  difference,
  feature,
  featureCollection,
  intersect,
  kinks,
} from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { ContextFeature, Dataset } from './schema.ts';
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';
import { formerProvinceOutline, provinceOutline } from './admin/outlines.ts';
import { candidatePairs, convexRing, separatedConvex, surelyInside, type Ring } from './geometry-index.ts';

type Located = { file: string; id: string; geometry: Geometry };
export type Area = Polygon | MultiPolygon;

/** Overlap and spill below this are rounding (6-decimal coordinates are ~0.1 m apart). */
export const TOLERANCE_M2 = 1;

const fmt = (p: Position) => `[${p.join(', ')}]`;

export function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

const polygonsOf = (g: Geometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** RFC 7946 §3.1: [lon, lat] in range, rings closed with ≥4 positions, exterior CCW, holes CW. */
export function rfc7946Problems(g: Geometry): string[] {
  const problems: string[] = [];
  for (const p of positions(g)) {
    const [lon, lat] = p;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      problems.push(`coordinate ${fmt(p)} is not a pair of finite numbers`);
      return problems;
    }
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
      problems.push(`coordinate ${fmt(p)} has latitude ${lat} out of range: lat/lon swapped? RFC 7946 wants [lon, lat]`);
      return problems;
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      problems.push(`coordinate ${fmt(p)} is out of range`);
      return problems;
    }
  }
  polygonsOf(g).forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const name = `${g.type === 'MultiPolygon' ? `polygon ${pi} ` : ''}${ri === 0 ? 'exterior ring' : `hole ${ri}`}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) problems.push(`${name} has ${ring.length} positions, needs at least 4`);
      else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`${name} is not closed: first ${fmt(first ?? [])} ≠ last ${fmt(last ?? [])}`);
      } else if (booleanClockwise(ring) !== (ri > 0)) {
        problems.push(
          `${name} is ${ri === 0 ? 'clockwise' : 'counter-clockwise'}; RFC 7946 right-hand rule wants exteriors counter-clockwise and holes clockwise`,
        );
      }
    });
  });
  return problems;
}

/** Where an outline crosses itself: how many points, and the first (to 6 decimals); null when it does not. */
export function selfCrossings(g: Geometry): { n: number; near: string } | null {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon' && g.type !== 'LineString') return null;
  const found = kinks(g).features;
  if (!found.length) return null;
  const at = found[0]!.geometry.coordinates.map((c) => Math.round(c * 1e6) / 1e6);
  return { n: found.length, near: at.join(', ') };
}

export function selfIntersections(g: Geometry): string | null {
  const c = selfCrossings(g);
  return c && `self-intersects at ${c.n} point(s), first near [${c.near}]`;
}

/** The positions of `g` outside `province`: how many, the first, and whether that one swapped falls inside. */
export function positionsOutside(g: Geometry, province: Area): { n: number; first: Position; swappedInside: boolean } | null {
  const outside = positions(g).filter((p) => !booleanPointInPolygon(p, province));
  if (!outside.length) return null;
  const p = outside[0]!;
  const swapped = [p[1]!, p[0]!];
  // An in-range point that falls outside but whose swap falls inside is almost surely [lat, lon].
  return { n: outside.length, first: p, swappedInside: Math.abs(swapped[1]!) <= 90 && booleanPointInPolygon(swapped, province) };
}

export function outsideProvince(g: Geometry, province: Area): string | null {
  const out = positionsOutside(g, province);
  if (!out) return null;
  return `${out.n} coordinate(s) outside the province outline, first ${fmt(out.first)}${out.swappedInside ? ' (looks like lat/lon swapped)' : ''}`;
}

export const overlapM2 = (a: Area, b: Area): number => {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? area(shared) : 0;
};

/**
 * Pairwise overlaps, reported once on the later feature of each pair. Only pairs whose bounding
 * boxes meet are compared, and two convex single-ring polygons with a separating axis share no area.
 */
function overlaps(file: string, items: { id: string; geometry: Area }[], what: string): CheckIssue[] {
  const boxes = items.map((i) => bbox(i.geometry));
  const convex = items.map((i): Ring | null =>
    i.geometry.type === 'Polygon' && i.geometry.coordinates.length === 1 ? convexRing(i.geometry.coordinates[0]!) : null,
  );
  const found: { i: number; j: number; shared: number }[] = [];
  candidatePairs(boxes, (i, j) => {
    const a = convex[i];
    const b = convex[j];
    if (a && b && separatedConvex(a, b)) return;
    const shared = overlapM2(items[i]!.geometry, items[j]!.geometry);
    if (shared > TOLERANCE_M2) found.push({ i, j, shared });
  });
  found.sort((p, q) => p.j - q.j || p.i - q.i);
  return found.map(({ i, j, shared }) => ({ file, featureId: items[j]!.id, problem: `overlaps ${what} ${items[i]!.id} by ${Math.round(shared)} m²` }));
}

/** A plot spilling out of its zone by more than 1 m² or 0.01 % of its area; null when inside. */
/** The m² of a plot spilling out of its zone by more than 1 m² or 0.01 % of its area; null when inside. */
export function zoneSpillM2(plot: Polygon, zone: Area): number | null {
  // Most plots lie well inside their zone: that is settled without clipping.
  if (plot.coordinates.length === 1 && surelyInside(plot.coordinates[0]!, zone)) return null;
  const spill = difference(featureCollection([feature(plot), feature(zone)]));
  const spillM2 = spill ? area(spill) : 0;
  return spillM2 <= Math.max(TOLERANCE_M2, 1e-4 * area(plot)) ? null : Math.round(spillM2);
}

/** A plot spilling out of its zone, in words; null when inside. */
export function outsideZone(plot: Polygon, zone: Area, zoneId: string): string | null {
  const m2 = zoneSpillM2(plot, zone);
  return m2 === null ? null : `not inside its zone ${zoneId}: ${m2} m² lies outside`;
}

export const isArea = (g: Geometry): g is Area => g.type === 'Polygon' || g.type === 'MultiPolygon';

export function checkGeometry(ds: Dataset): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const all: Located[] = [
    ...ds.zones.map((f) => ({ file: GEODATA_FILES.zones, id: f.properties.id, geometry: f.geometry as Geometry })),
    ...ds.plots.map((f) => ({ file: GEODATA_FILES.plots, id: f.properties.id, geometry: f.geometry as Geometry })),
    ...ds.context.map((f) => ({ file: GEODATA_FILES.context, id: f.properties.id, geometry: f.geometry as Geometry })),
  ];
  // Spatial relations are meaningless on broken geometry, so broken features skip them.
  const broken = new Set<Located>();
  for (const item of all) {
    const problems = rfc7946Problems(item.geometry);
    const kink = problems.length ? null : selfIntersections(item.geometry);
    if (kink) problems.push(kink);
    for (const problem of problems) issues.push({ file: item.file, featureId: item.id, problem });
    if (problems.length) broken.add(item);
  }
  const ok = (item: Located) => !broken.has(item);

  // The envelope: a province outline in the context (the synthetic national one), else the real
  // outline of the province the zones are in today (geodata/admin/province.geojson for Thái Nguyên).
  const provinceFeature = ds.context.find((f: ContextFeature) => f.properties.kind === 'province');
  const drawn = provinceFeature && isArea(provinceFeature.geometry as Geometry) ? (provinceFeature.geometry as Area) : null;
  const today = ds.zones[0]?.properties.addressNew.province;
  const real = !drawn && today ? provinceOutline(today) : null;
  const province = drawn ?? real?.geometry ?? null;
  const provinceOk = province && (real || all.some((i) => i.geometry === province && ok(i)));
  if (!province) {
    issues.push({ file: GEODATA_FILES.context, featureId: null, problem: 'no polygon feature of kind "province" to check coordinates against' });
  } else if (provinceOk) {
    for (const item of all.filter(ok)) {
      if (item.geometry === province) continue;
      const problem = outsideProvince(item.geometry, province);
      if (problem) issues.push({ file: item.file, featureId: item.id, problem });
    }
  }

  // A zone lies inside the former province its record names: the real outline (geodata/admin/,
  // the dissolve of its communes) where there is one, else an outline of that name in the context.
  const outlines = ds.context.filter((f) => f.properties.kind === 'province' && isArea(f.geometry as Geometry));
  ds.zones.forEach((zone, i) => {
    const named = zone.properties.addressOld?.province;
    if (!named || !ok(all[i]!)) return;
    const context = outlines.find((f) => f.properties.name.vi.includes(named));
    const outline = formerProvinceOutline(named) ?? (context ? { name: context.properties.name.vi, geometry: context.geometry as Area } : null);
    if (!outline) return;
    const outside = positions(zone.geometry as Geometry).filter((p) => !booleanPointInPolygon(p, outline.geometry));
    if (outside.length) {
      issues.push({ file: GEODATA_FILES.zones, featureId: zone.properties.id, problem: `lies outside ${outline.name}, the former province its record names (${outside.length} coordinate(s) outside)` });
    }
  });

  const zoneGeometry = new Map<string, Area>();
  all.forEach((item, i) => {
    if (item.file === GEODATA_FILES.zones && ok(item) && isArea(item.geometry)) zoneGeometry.set(ds.zones[i]!.properties.id, item.geometry);
  });
  const goodPlots = ds.plots.filter((_, i) => ok(all[ds.zones.length + i]!));
  for (const plot of goodPlots) {
    const zone = zoneGeometry.get(plot.properties.zoneId);
    if (!zone) continue;
    const problem = outsideZone(plot.geometry as Polygon, zone, plot.properties.zoneId);
    if (problem) issues.push({ file: GEODATA_FILES.plots, featureId: plot.properties.id, problem });
  }

  issues.push(
    ...overlaps(GEODATA_FILES.zones, [...zoneGeometry].map(([id, geometry]) => ({ id, geometry })), 'zone'),
    ...overlaps(
      GEODATA_FILES.plots,
      goodPlots.map((p) => ({ id: p.properties.id, geometry: p.geometry as Polygon })),
      'plot',
    ),
  );
  return issues;
}

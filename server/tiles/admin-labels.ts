/**
 * Where the map writes the name of each province and commune, and the points that mark Hoàng Sa
 * and Trường Sa. One point per unit, so a name is written once, not once per tile the unit
 * crosses. Pure: GeoJSON in, GeoJSON out.
 */
// Single turf modules: the server loads this at start (see geodata/admin/derive-commune.ts).
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

export type AdminLabelKind = 'province' | 'commune' | 'archipelago' | 'island';

export type AdminLabelProps = {
  kind: AdminLabelKind;
  code: string;
  nameVi: string;
  nameEn: string;
  /** Larger units are named first when names collide (the style's symbol-sort-key reads -rank). */
  rank: number;
};

type Unit = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const parts = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Planar area of a part's outer ring, in square degrees: enough to tell the largest part. */
function ringArea(polygon: Position[][]): number {
  const ring = polygon[0] ?? [];
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(sum / 2);
}

const largestPart = (g: Polygon | MultiPolygon) => parts(g).reduce((a, b) => (ringArea(b) > ringArea(a) ? b : a));

/**
 * The centre of the unit's largest part if it lies inside it, else a point surely inside it
 * (a crescent's centre lies outside). Cheap, so the tile index is built in a blink.
 */
function labelPoint(polygon: Position[][]): Position {
  const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polygon } };
  const [w, s, e, n] = bbox(f);
  const c: Position = [(w + e) / 2, (s + n) / 2];
  return booleanPointInPolygon(c, f) ? c : pointOnFeature(f).geometry.coordinates;
}

/** Islands lie east of this meridian; Vietnam's mainland ends at about 109.5° E. */
const OFFSHORE_EAST_OF = 110.5;
/** Hoàng Sa lies north of this parallel, Trường Sa south of it. */
const PARACELS_NORTH_OF = 14;

const ARCHIPELAGOS = {
  hoangSa: { code: 'hoang-sa', nameVi: 'Quần đảo Hoàng Sa (Việt Nam)', nameEn: 'Hoàng Sa Archipelago (Viet Nam)' },
  truongSa: { code: 'truong-sa', nameVi: 'Quần đảo Trường Sa (Việt Nam)', nameEn: 'Trường Sa Archipelago (Viet Nam)' },
} as const;

const NATIONAL_CAPITAL = 'Hà Nội';
/** Above every province's area in km² (the largest, Lâm Đồng, is under 25,000), below the archipelagos' names. */
const CAPITAL_RANK = 1e5;

const point = (at: Position, props: AdminLabelProps): Feature<Point, AdminLabelProps> => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at } });

/** A name as the publisher writes it in Vietnamese: the same in both languages (the place names are Vietnamese). */
const nameOf = (u: Unit) => String(u.properties.name ?? u.properties.fullName ?? '');

/**
 * One label per province at its mainland part, and for the offshore parts (Hoàng Sa under Đà
 * Nẵng, Trường Sa under Khánh Hòa) a dot per island and one label per archipelago, named as
 * Vietnam's. A province file that already has the archipelagos as their own features works too.
 */
export function provinceLabels(provinces: FeatureCollection<Polygon | MultiPolygon>): Feature<Point, AdminLabelProps>[] {
  const out: Feature<Point, AdminLabelProps>[] = [];
  const offshore: Record<keyof typeof ARCHIPELAGOS, Position[]> = { hoangSa: [], truongSa: [] };
  for (const u of provinces.features as Unit[]) {
    const name = nameOf(u);
    const islandsOnly = /Hoàng Sa|Trường Sa/i.test(name);
    const mainland: Position[][][] = [];
    for (const p of parts(u.geometry)) {
      const c = centroid({ type: 'Polygon', coordinates: p }).geometry.coordinates;
      if (islandsOnly || c[0]! > OFFSHORE_EAST_OF) offshore[c[1]! > PARACELS_NORTH_OF ? 'hoangSa' : 'truongSa'].push(c);
      else mainland.push(p);
    }
    if (!mainland.length) continue;
    const largest = mainland.reduce((a, b) => (ringArea(b) > ringArea(a) ? b : a));
    // The capital is named first, then the larger provinces: at zoom 5 the whole country fits and
    // the Red River delta's small provinces crowd Hà Nội, which ranked by area alone gave way.
    const rank = name === NATIONAL_CAPITAL ? CAPITAL_RANK : Number(u.properties.areaKm2 ?? ringArea(largest));
    out.push(point(labelPoint(largest), { kind: 'province', code: String(u.properties.code ?? name), nameVi: name, nameEn: name, rank }));
  }
  for (const [key, islands] of Object.entries(offshore) as [keyof typeof ARCHIPELAGOS, Position[]][]) {
    if (!islands.length) continue;
    const a = ARCHIPELAGOS[key];
    for (const [i, at] of islands.entries()) out.push(point(at, { kind: 'island', code: `${a.code}-${i}`, nameVi: a.nameVi, nameEn: a.nameEn, rank: 0 }));
    const [w, s, e, n] = bbox({ type: 'MultiPoint', coordinates: islands });
    // Placed just below the group, so the islands' dots stay visible above the name.
    out.push(point([(w + e) / 2, (s + n) / 2], { kind: 'archipelago', code: a.code, nameVi: a.nameVi, nameEn: a.nameEn, rank: 1e6 }));
  }
  return out;
}

/** One label per commune or ward, its name as published ("Cẩm Giàng"), larger ones first. */
export function communeLabels(communes: FeatureCollection<Polygon | MultiPolygon>): Feature<Point, AdminLabelProps>[] {
  return (communes.features as Unit[]).map((u) => {
    const name = nameOf(u);
    return point(labelPoint(largestPart(u.geometry)), { kind: 'commune', code: String(u.properties.code ?? name), nameVi: name, nameEn: name, rank: Number(u.properties.areaKm2 ?? 0) });
  });
}

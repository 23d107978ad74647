/**
 * "Find land": which available plots fit an investor's needs. Pure functions over API data, so
 * the panel, the map highlight and the tests all agree on the same list.
 */
import { centroid } from '@turf/centroid';
import { distance } from '@turf/distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { LineString, Point } from 'geojson';
import type { ContextCollection, PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { INFRA_ITEMS, LEASABLE_LAND_USES, ZONE_KINDS, ZONE_STATUSES, sectorLabel, type InfraItem, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';

/** A stored sector as searchable text: its code and both labels, so "Da giày" and "footwear" both find it. */
const sectorText = (s: string | null) => (s === null ? null : [s, sectorLabel(s, 'vi').text, sectorLabel(s, 'en').text].join(' | '));

export const NATIONAL_ROADS = ['QL3', 'QL3B', 'QL279'] as const;
export type RoadRef = (typeof NATIONAL_ROADS)[number];
/** The province seat the distances are measured from. */
export const SEAT_ID = 'seat-tp-bac-kan';

export const SORTS = ['area', 'distance', 'readiness'] as const;
export type Sort = (typeof SORTS)[number];

export type LandFilters = {
  minHa: number | null;
  maxHa: number | null;
  kinds: ZoneKind[];
  statuses: ZoneStatus[];
  /** Old district (before 1 July 2025) or new commune, matched as text. */
  district: string | null;
  commune: string | null;
  minProgress: number | null;
  /** Items that must be complete (100 %, sourced). */
  items: InfraItem[];
  sector: string | null;
  /** Straight-line distance to the nearest of these roads must be at most maxRoadKm. */
  maxRoadKm: number | null;
  roads: RoadRef[];
  maxSeatKm: number | null;
  sort: Sort;
};

export const NO_FILTERS: LandFilters = {
  minHa: null, maxHa: null, kinds: [], statuses: [], district: null, commune: null,
  minProgress: null, items: [], sector: null, maxRoadKm: null, roads: [], maxSeatKm: null, sort: 'area',
};

export type Distances = Record<RoadRef, number | null> & { seat: number | null };

export type LandResult = {
  plot: PlotApiFeature;
  zone: ZoneApiFeature;
  areaHa: number;
  /** Straight-line kilometres from the plot's centre; null where the road or seat is not on the map. */
  distances: Distances;
  nearestRoadKm: number | null;
  readinessPct: number | null;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Straight-line distances, in km, from a point to each national road and to the province seat. */
export function distancesFrom(point: Point, context: ContextCollection): Distances {
  const out: Distances = { QL3: null, QL3B: null, QL279: null, seat: null };
  for (const f of context.features) {
    const ref = f.properties.ref as RoadRef | null;
    if (f.properties.kind === 'road' && ref && (NATIONAL_ROADS as readonly string[]).includes(ref)) {
      out[ref] = round1(pointToLineDistance(point, f.geometry as LineString, { units: 'kilometers' }));
    }
    if (f.properties.id === SEAT_ID) out.seat = round1(distance(point, f.geometry as Point, { units: 'kilometers' }));
  }
  return out;
}

const itemComplete = (zone: ZoneApiFeature, item: InfraItem) =>
  zone.properties.infrastructure.some((i) => i.item === item && i.progressPct === 100);

const includesText = (hay: string | null | undefined, needle: string) =>
  !!hay && hay.toLocaleLowerCase('vi').includes(needle.toLocaleLowerCase('vi'));

/** Available leasable plots that pass every filter, sorted as asked. */
export function findLand(plots: PlotApiFeature[], zones: ZoneApiFeature[], context: ContextCollection, f: LandFilters): LandResult[] {
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const results: LandResult[] = [];
  for (const plot of plots) {
    const p = plot.properties;
    if (p.status !== 'available' || !LEASABLE_LAND_USES.includes(p.landUse)) continue;
    const zone = zoneById.get(p.zoneId);
    if (!zone) continue;
    const z = zone.properties;
    if (f.minHa !== null && p.areaHa < f.minHa) continue;
    if (f.maxHa !== null && p.areaHa > f.maxHa) continue;
    if (f.kinds.length && !f.kinds.includes(z.kind)) continue;
    if (f.statuses.length && !f.statuses.includes(z.status)) continue;
    if (f.district && !includesText(z.addressOld?.district, f.district)) continue;
    if (f.commune && !includesText(z.addressNew.commune, f.commune) && !includesText(z.addressOld?.commune, f.commune)) continue;
    const readiness = z.progress.progressPct;
    if (f.minProgress !== null && (readiness === null || readiness < f.minProgress)) continue;
    if (f.items.some((item) => !itemComplete(zone, item))) continue;
    if (f.sector && !z.sectors.some((s) => includesText(sectorText(s), f.sector!)) && !includesText(sectorText(p.sector), f.sector)) continue;
    const distances = distancesFrom(centroid(plot).geometry, context);
    const roads = f.roads.length ? f.roads : NATIONAL_ROADS;
    const roadKms = roads.map((r) => distances[r]).filter((d): d is number => d !== null);
    const nearestRoadKm = roadKms.length ? Math.min(...roadKms) : null;
    if (f.maxRoadKm !== null && (nearestRoadKm === null || nearestRoadKm > f.maxRoadKm)) continue;
    if (f.maxSeatKm !== null && (distances.seat === null || distances.seat > f.maxSeatKm)) continue;
    results.push({ plot, zone, areaHa: p.areaHa, distances, nearestRoadKm, readinessPct: readiness });
  }
  const key: Record<Sort, (r: LandResult) => number> = {
    area: (r) => -r.areaHa,
    distance: (r) => r.nearestRoadKm ?? Infinity,
    readiness: (r) => -(r.readinessPct ?? -1),
  };
  return results.sort((a, b) => key[f.sort](a) - key[f.sort](b) || a.plot.id.localeCompare(b.plot.id));
}

/**
 * Zones with no plot layout that pass the filters a zone can answer (kind, status, address, sector,
 * readiness, distances from its centre): listed apart, since how much land is free there is
 * unknown, with the occupancy its sources state. Revoked zones have no land to offer. Area filters
 * need plots, so they do not apply here.
 */
export function findZonesWithoutLayout(zones: ZoneApiFeature[], context: ContextCollection, f: LandFilters): ZoneApiFeature[] {
  return zones
    .filter((zone) => {
      const z = zone.properties;
      if (z.plotCount > 0 || z.status === 'revoked') return false;
      if (f.kinds.length && !f.kinds.includes(z.kind)) return false;
      if (f.statuses.length && !f.statuses.includes(z.status)) return false;
      if (f.district && !includesText(z.addressOld?.district, f.district)) return false;
      if (f.commune && !includesText(z.addressNew.commune, f.commune) && !includesText(z.addressOld?.commune, f.commune) && !includesText(z.communeName, f.commune)) return false;
      if (f.minProgress !== null && (z.progress.progressPct === null || z.progress.progressPct < f.minProgress)) return false;
      if (f.items.some((item) => !itemComplete(zone, item))) return false;
      if (f.sector && !z.sectors.some((s) => includesText(sectorText(s), f.sector!))) return false;
      if (f.maxRoadKm !== null || f.maxSeatKm !== null) {
        const d = distancesFrom(centroid(zone).geometry, context);
        const kms = (f.roads.length ? f.roads : NATIONAL_ROADS).map((r) => d[r]).filter((x): x is number => x !== null);
        if (f.maxRoadKm !== null && (!kms.length || Math.min(...kms) > f.maxRoadKm)) return false;
        if (f.maxSeatKm !== null && (d.seat === null || d.seat > f.maxSeatKm)) return false;
      }
      return true;
    })
    .sort((a, b) => a.properties.name.vi.localeCompare(b.properties.name.vi, 'vi'));
}

export function totalHa(results: LandResult[]): number {
  return Math.round(results.reduce((s, r) => s + r.areaHa, 0) * 100) / 100;
}

/** Filters as URL parameters (prefix "f."), so a link reproduces a search. Defaults are left out. */
export function filtersToParams(f: LandFilters): [string, string][] {
  const out: [string, string][] = [];
  const put = (k: string, v: string | number | null) => {
    if (v !== null && v !== '') out.push([`f.${k}`, String(v)]);
  };
  put('minHa', f.minHa);
  put('maxHa', f.maxHa);
  put('kind', f.kinds.join(','));
  put('status', f.statuses.join(','));
  put('district', f.district);
  put('commune', f.commune);
  put('minProgress', f.minProgress);
  put('items', f.items.join(','));
  put('sector', f.sector);
  put('maxRoadKm', f.maxRoadKm);
  put('roads', f.roads.join(','));
  put('maxSeatKm', f.maxSeatKm);
  if (f.sort !== NO_FILTERS.sort) put('sort', f.sort);
  return out;
}

export function filtersFromParams(p: URLSearchParams): LandFilters {
  const num = (k: string) => {
    const v = p.get(`f.${k}`);
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : null;
  };
  const list = <T extends string>(k: string, allowed: readonly T[]) =>
    (p.get(`f.${k}`) ?? '').split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
  const str = (k: string) => p.get(`f.${k}`)?.trim().slice(0, 100) || null;
  const sort = p.get('f.sort');
  return {
    minHa: num('minHa'),
    maxHa: num('maxHa'),
    kinds: list('kind', ZONE_KINDS),
    statuses: list('status', ZONE_STATUSES),
    district: str('district'),
    commune: str('commune'),
    minProgress: num('minProgress'),
    items: list('items', INFRA_ITEMS),
    sector: str('sector'),
    maxRoadKm: num('maxRoadKm'),
    roads: list('roads', NATIONAL_ROADS),
    maxSeatKm: num('maxSeatKm'),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : NO_FILTERS.sort,
  };
}

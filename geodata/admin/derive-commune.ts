/**
 * The new (post-1 July 2025) commune of a zone or plot, from its geometry: the commune or ward it
 * overlaps most, against the 2 m join boundaries (communes-joins.geojson; see
 * geodata/build/admin-2025.ts for why 2 m is safe). Node only: it reads a 2 MB file, so the
 * browser never imports it (the server, the CLI and geodata:check do).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Single turf modules, not @turf/turf: the server imports this at start, and all of turf costs
// a few hundred ms of module loading there.
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { bboxClip } from '@turf/bbox-clip';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type CommuneRef = { code: string; name: string; fullName: string };

/** A commune as the join file carries it (the same properties as communes.geojson). */
export type AdminCommune = CommuneRef & {
  nameEn: string;
  fullNameEn: string;
  type: 'xã' | 'phường';
  areaKm2: number;
  /** The publisher's list of the pre-2025 units that formed this one ("giữ nguyên": unchanged). */
  formedFrom: string;
  formerProvince: string;
  geometry: Polygon | MultiPolygon;
};

const JOINS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'communes-joins.geojson');

let loaded: { communes: AdminCommune[]; index: Flatbush } | null = null;

/** The 92 communes and wards of Thái Nguyên at join resolution, with a bounding-box index (read once). */
export function joinCommunes(): { communes: AdminCommune[]; index: Flatbush } {
  if (loaded) return loaded;
  const fc = JSON.parse(readFileSync(JOINS_FILE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Omit<AdminCommune, 'geometry'>>;
  const communes = fc.features.map((f) => ({ ...f.properties, geometry: f.geometry }));
  const index = new Flatbush(communes.length);
  for (const c of communes) {
    const [minX, minY, maxX, maxY] = bbox(c.geometry);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  loaded = { communes, index };
  return loaded;
}

/**
 * A clipped commune without the rings the clip left with fewer than four positions (a box that
 * only grazes a commune leaves empty or two-point rings, which polygon clipping refuses), or null
 * when no polygon is left. Zones near the province's edge on a national dataset meet this.
 */
function withoutDegenerateRings(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).filter((rings) => (rings[0]?.length ?? 0) >= 4).map((rings) => rings.filter((r) => r.length >= 4));
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Each commune the geometry overlaps, with the m² shared, largest first. */
export function communeOverlaps(geometry: Polygon | MultiPolygon): { commune: AdminCommune; m2: number }[] {
  const { communes, index } = joinCommunes();
  const box = bbox(geometry);
  const [minX, minY, maxX, maxY] = box;
  return index
    .search(minX, minY, maxX, maxY)
    .map((i) => {
      const commune = communes[i]!;
      // Clipping the commune (thousands of vertices) to the zone's box first leaves the same
      // intersection at a fraction of the cost.
      const near = withoutDegenerateRings(bboxClip(commune.geometry, box).geometry as Polygon | MultiPolygon);
      if (!near) return { commune, m2: 0 };
      const shared = intersect(featureCollection([feature(geometry), feature(near)]));
      return { commune, m2: shared ? area(shared) : 0 };
    })
    .filter((o) => o.m2 > 0)
    .sort((a, b) => b.m2 - a.m2 || a.commune.code.localeCompare(b.commune.code));
}

/** The commune with the largest overlap; null when the geometry lies outside the province. */
export function deriveCommune(geometry: Polygon | MultiPolygon): CommuneRef | null {
  const best = communeOverlaps(geometry)[0];
  if (!best) return null;
  const { code, name, fullName } = best.commune;
  return { code, name, fullName };
}

/**
 * What the load tests ask for: the viewports a user would look at, over zones spread through the
 * dataset, as GET /api/plots?bbox=… (the viewport API) and as the vector tiles MapLibre would
 * request for them (zones at z8, z11 and z14, plots at z14).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetParts } from '../../geodata/dataset-parts.ts';
import type { ZoneFeature } from '../../geodata/schema.ts';
import { VIEWPORT } from './browser-render.ts';

export type ZoneCentre = { id: string; lon: number; lat: number };

/** The features of one geodata file of a dataset, from each of its parts for a dataset of parts. */
export function datasetFeatures<F>(geodataDir: string, file: 'zones.geojson' | 'plots.geojson'): F[] {
  return datasetParts(geodataDir).flatMap((dir) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { features: F[] }).features);
}

/** Zone bounding-box centres, read straight from a geodata folder's zones.geojson. */
export function zoneCentres(geodataDir: string): ZoneCentre[] {
  return datasetFeatures<ZoneFeature>(geodataDir, 'zones.geojson').map((f) => {
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!;
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    return { id: f.properties.id, lon: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 };
  });
}

/** `n` of them, evenly spread through the list (deterministic). */
export function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

const lonToX = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const xToLon = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const yToLat = (y: number, z: number) => (180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * y) / 2 ** z));

/** The viewport (1280 × 800 CSS px, MapLibre's 512-px tiles) at map zoom z around a point, as a bbox. */
export function viewportBBox(c: { lon: number; lat: number }, z: number): [number, number, number, number] {
  // In units of tiles at zoom z: a 512-px tile per unit.
  const halfW = VIEWPORT.width / 2 / 512;
  const halfH = VIEWPORT.height / 2 / 512;
  const x = lonToX(c.lon, z);
  const y = latToY(c.lat, z);
  return [xToLon(x - halfW, z), yToLat(y + halfH, z), xToLon(x + halfW, z), yToLat(y - halfH, z)];
}

/** The z/x/y tiles MapLibre fetches for that viewport (tile zoom = map zoom with 512-px tiles). */
export function viewportTiles(c: { lon: number; lat: number }, z: number): [number, number, number][] {
  const halfW = VIEWPORT.width / 2 / 512;
  const halfH = VIEWPORT.height / 2 / 512;
  const x = lonToX(c.lon, z);
  const y = latToY(c.lat, z);
  const tiles: [number, number, number][] = [];
  for (let tx = Math.floor(x - halfW); tx <= Math.floor(x + halfW); tx++) {
    for (let ty = Math.floor(y - halfH); ty <= Math.floor(y + halfH); ty++) tiles.push([z, tx, ty]);
  }
  return tiles;
}

/** The z/x/y tile holding a point. */
export function tileAt(c: { lon: number; lat: number }, z: number): [number, number, number] {
  return [z, Math.floor(lonToX(c.lon, z)), Math.floor(latToY(c.lat, z))];
}

const fix = (n: number) => n.toFixed(5);

export function viewportApiPaths(centres: ZoneCentre[], z = 14): string[] {
  return centres.map((c) => `/api/plots?bbox=${viewportBBox(c, z).map(fix).join(',')}`);
}

/** Tile paths with the data version the client would use (?v=…), deduplicated, in a stable order. */
export function tilePaths(centres: ZoneCentre[], version: string): string[] {
  const paths = new Set<string>();
  for (const c of centres) {
    for (const z of [8, 11, 14]) for (const [tz, tx, ty] of viewportTiles(c, z)) paths.add(`/tiles/zones/${tz}/${tx}/${ty}.mvt?v=${version}`);
    for (const [tz, tx, ty] of viewportTiles(c, 14)) paths.add(`/tiles/plots/${tz}/${tx}/${ty}.mvt?v=${version}`);
  }
  return [...paths];
}

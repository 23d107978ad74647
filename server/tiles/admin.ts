/**
 * The administrative boundaries as vector tiles: GET /tiles/admin/{z}/{x}/{y}.mvt. The data are
 * the checked-in files of geodata/admin/ (the 34 provinces, the new Thái Nguyên province, former
 * Bắc Kạn and the 92 communes and wards, already simplified for the browser), so the index is
 * built once per process, on the first request, and every tile is cut from it and kept.
 *
 * Tiles, not one file: the first view needs only the few tiles it shows (and no commune below
 * COMMUNES_MIN_ZOOM), where a file would send every commune before the map could draw one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { ADMIN_LAYERS, COMMUNES_MIN_ZOOM } from '../../geodata/admin-tiles.ts';
import { PROJECT_ROOT } from '../config.ts';
import { communeLabels, provinceLabels } from './admin-labels.ts';
import { TILE_BUFFER, TILE_EXTENT } from './encode.ts';

export const ADMIN_DIR = join(PROJECT_ROOT, 'geodata/admin');

/** The files each tile layer is cut from. */
const FILES = {
  provinces: 'provinces.geojson',
  province: 'province.geojson',
  former: 'former-bac-kan.geojson',
  communes: 'communes.geojson',
} as const;

/** Only what the style reads travels in the tiles. */
const KEEP = ['code', 'name', 'type'];

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
export type AdminTile = { raw: Uint8Array; gzip: Uint8Array | null; etag: string };

const slim = (fc: Polygons): Polygons => ({
  type: 'FeatureCollection',
  features: fc.features.map((f) => ({ ...f, properties: Object.fromEntries(KEEP.filter((k) => f.properties?.[k] != null).map((k) => [k, f.properties![k]])) })),
});

// indexMaxZoom 0: tiles are cut when first asked for, so building the index costs little.
const index = (features: Feature[]) =>
  new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: 14, indexMaxZoom: 0, tolerance: 3, extent: TILE_EXTENT, buffer: TILE_BUFFER });

type Built = { layers: Record<string, GeoJSONVT>; version: string };
/** One index per folder and process, however many apps are made (the API tests make many). */
const builds = new Map<string, Promise<Built>>();

function build(dir: string): Promise<Built> {
  let built = builds.get(dir);
  if (!built) {
    built = (async () => {
      const texts = await Promise.all(Object.values(FILES).map((f) => readFile(join(dir, f), 'utf8')));
      const [provinces, province, former, communes] = texts.map((t) => JSON.parse(t) as Polygons) as [Polygons, Polygons, Polygons, Polygons];
      const layers: Record<string, GeoJSONVT> = {
        [ADMIN_LAYERS.provinces]: index(slim(provinces).features),
        [ADMIN_LAYERS.province]: index(slim(province).features),
        [ADMIN_LAYERS.former]: index(slim(former).features),
        [ADMIN_LAYERS.communes]: index(slim(communes).features),
        [ADMIN_LAYERS.provinceLabels]: index(provinceLabels(provinces)),
        [ADMIN_LAYERS.communeLabels]: index(communeLabels(communes)),
      };
      const version = createHash('sha1').update(texts.join('\n')).digest('base64url').slice(0, 12);
      return { layers, version };
    })();
    builds.set(dir, built);
    // A missing or broken file is reported on every request, not kept as a failure forever.
    built.catch(() => builds.delete(dir));
  }
  return built;
}

export class AdminTiles {
  readonly #tiles = new Map<string, AdminTile>();

  constructor(private readonly dir = ADMIN_DIR) {}

  async tile(z: number, x: number, y: number): Promise<AdminTile> {
    const key = `${z}/${x}/${y}`;
    const hit = this.#tiles.get(key);
    if (hit) return hit;
    const { layers, version } = await build(this.dir);
    const parts: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
    for (const [name, vt] of Object.entries(layers)) {
      if (z < COMMUNES_MIN_ZOOM && (name === ADMIN_LAYERS.communes || name === ADMIN_LAYERS.communeLabels)) continue;
      const t = vt.getTile(z, x, y);
      if (t?.features.length) parts[name] = t;
    }
    const raw = Object.keys(parts).length ? fromGeojsonVt(parts, { version: 2, extent: TILE_EXTENT }) : new Uint8Array(0);
    const tile: AdminTile = {
      raw,
      gzip: raw.byteLength >= 512 ? gzipSync(raw, { level: 6 }) : null,
      etag: `W/"${version}-${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`,
    };
    // The data never change while the server runs; a national view and a province view are a few hundred tiles.
    if (this.#tiles.size < 4096) this.#tiles.set(key, tile);
    return tile;
  }
}

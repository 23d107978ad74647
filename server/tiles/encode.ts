/** One Mapbox Vector Tile (spec 2.1) from GeoJSON features: geojson-vt cuts it, vt-pbf writes it. */
import type { Feature } from 'geojson';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

export const TILE_EXTENT = 4096;
/** Geometry kept around each tile, in tile units, so outlines do not end at tile edges. */
export const TILE_BUFFER = 64;
/** Zoom up to which geojson-vt simplifies; beyond it tiles keep every vertex. */
const DETAIL_ZOOM = 16;

const EMPTY = new Uint8Array(0);

/** The encoded tile, or an empty body when nothing falls in it (a valid tile with no layers). */
export function encodeTile(layer: string, features: Feature[], z: number, x: number, y: number): Uint8Array {
  if (!features.length) return EMPTY;
  const tile = geoJSONToTile({ type: 'FeatureCollection', features }, z, x, y, {
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
    maxZoom: DETAIL_ZOOM,
    tolerance: 3,
    clip: true,
    wrap: false,
  });
  if (!tile?.features.length) return EMPTY;
  return fromGeojsonVt({ [layer]: tile }, { version: 2, extent: TILE_EXTENT });
}

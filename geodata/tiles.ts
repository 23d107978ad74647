/**
 * The vector tile contract between server (server/tiles, GET /tiles/…) and client
 * (client/map/tile-mode.ts): layer names, zooms, and what GET /tiles/meta.json answers.
 */

/** Each layer is the only layer of its tiles: /tiles/zones/… holds layer "zones", /tiles/plots/… layer "plots". */
export const TILE_LAYERS = {
  zones: { minzoom: 0 },
  /** Below this a tile would hold thousands of plots too small to see: such tiles are empty. */
  plots: { minzoom: 12 },
} as const;
export type TileLayer = keyof typeof TILE_LAYERS;

/** The client asks for tiles up to this zoom and overzooms them beyond. */
export const CLIENT_TILE_MAX_ZOOM = 14;

/**
 * Above these counts the client draws zones and plots from tiles; below them one GeoJSON download
 * is smaller and faster than a screenful of tiles (see the bench).
 */
export const GEOJSON_MAX_PLOTS = 5_000;
export const GEOJSON_MAX_ZONES = 500;

export type TileMeta = {
  /** Changes whenever any zone or plot does; the same in every server process on one database. */
  version: string;
  zones: number;
  plots: number;
  /** [west, south, east, north] of all zones; null when there are none. */
  bbox: [number, number, number, number] | null;
  /** What the client should use for zone and plot geometry at this data size. */
  recommended: 'tiles' | 'geojson';
  /** URL templates ({z}/{x}/{y}) carrying the version, so an edit changes them. */
  layers: Record<TileLayer, { minzoom: number; url: string }>;
};

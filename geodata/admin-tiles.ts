/**
 * The contract of the administrative boundary tiles between the server (server/tiles/admin.ts,
 * GET /tiles/admin/…) and the map's style (client/map/style/admin-layers.ts): one tile holds
 * these layers.
 */
export const ADMIN_LAYERS = {
  /** The 34 provinces and cities (2025), for national context and the neighbours' names. */
  provinces: 'provinces',
  /** Thái Nguyên province as it is since 1 July 2025. */
  province: 'province',
  /** Bắc Kạn province as it was before 1 July 2025: the dissolve of its 37 communes. */
  former: 'former-bac-kan',
  /** The 92 communes and wards of Thái Nguyên. */
  communes: 'communes',
  /** One point per province (kind "province"), and the islands and names of Hoàng Sa and Trường Sa. */
  provinceLabels: 'province-labels',
  /** One point per commune or ward. */
  communeLabels: 'commune-labels',
} as const;

/** Tiles below this zoom carry no commune: too small to tell apart, and most of a tile's bytes. */
export const COMMUNES_MIN_ZOOM = 8;
/** The zoom up to which the client asks for admin tiles (it overzooms beyond). */
export const ADMIN_TILE_MAX_ZOOM = 12;
/** Where the tiles are served, as a MapLibre URL template. */
export const ADMIN_TILE_PATH = '/tiles/admin/{z}/{x}/{y}.mvt';

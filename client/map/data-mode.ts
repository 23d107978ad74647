/**
 * Tiles or GeoJSON: GET /tiles/meta.json (asked once, as soon as this module loads) says how much
 * data there is and recommends a mode; `?tiles=1` or `?tiles=0` in the page URL forces one (tests,
 * bench). No MapLibre here: the data layer (client/data/queries.ts) and the map (tile-mode.ts) both ask.
 */
import type { PlotCollection } from '../../geodata/api.ts';
import type { TileMeta } from '../../geodata/tiles.ts';
import { api } from '../api.ts';

export type DataMode = 'tiles' | 'geojson';

export const fetchTileMeta = (): Promise<TileMeta | null> => api.tileMeta();

// Asked while the rest of the bundle starts, so the answer is there before the map needs it.
export const firstTileMeta = typeof window === 'undefined' ? Promise.resolve(null) : fetchTileMeta();

function forcedMode(): DataMode | null {
  const v = new URLSearchParams(window.location.search).get('tiles');
  return v === '1' ? 'tiles' : v === '0' ? 'geojson' : null;
}

/** Tiles when the URL asks for them or the server recommends them; GeoJSON when the server has no tiles. */
export async function dataMode(): Promise<DataMode> {
  const meta = await firstTileMeta;
  if (!meta) return 'geojson';
  return forcedMode() ?? meta.recommended;
}


/** GET /api/plots in GeoJSON mode; in tile mode the map draws plots from tiles and no list is loaded. */
export async function plotsForMap(load: () => Promise<PlotCollection>): Promise<PlotCollection> {
  return (await dataMode()) === 'tiles' ? { type: 'FeatureCollection', features: [] } : load();
}

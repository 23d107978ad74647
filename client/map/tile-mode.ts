/**
 * Zones and plots as vector tiles at national size, as GeoJSON at provincial size.
 *
 * GET /tiles/meta.json (asked once, as soon as this module loads) says how much data there is and
 * recommends a mode; `?tiles=1` or `?tiles=0` in the page URL forces one (tests, bench). In tile
 * mode the map's "zones" and "plots" sources become vector sources (promoteId "id", so hover,
 * selection and highlights stay feature-state) and the full plot list is never downloaded.
 *
 * The map controller keeps calling setData and setFeatureState as for GeoJSON: `geoJsonSource`
 * turns setData on a tiled source into a check for a new data version (after an edit the app
 * reloads the zones, which lands here), and `attachTileMode` adds the source layer that vector
 * sources need to feature-state calls.
 */
import { prewarm, type GeoJSONSource, type LayerSpecification, type Map as MlMap, type VectorSourceSpecification } from 'maplibre-gl';
import type { PlotCollection } from '../../geodata/api.ts';
import { CLIENT_TILE_MAX_ZOOM, type TileLayer, type TileMeta } from '../../geodata/tiles.ts';
import { api } from '../api.ts';
import { PLOTS_MIN_ZOOM, SOURCES } from './style/ids.ts';

export type DataMode = 'tiles' | 'geojson';

/** The map source fed by each tile layer. */
const TILED: Record<string, TileLayer> = { [SOURCES.zones]: 'zones', [SOURCES.plots]: 'plots' };

const fetchMeta = (): Promise<TileMeta | null> => api.tileMeta();

// Asked while the rest of the bundle starts, so the answer is there before the map needs it.
const firstMeta = typeof window === 'undefined' ? Promise.resolve(null) : fetchMeta();

// The worker script too: requested now, it is not queued behind the data requests the app makes
// once React has mounted (on one server process a slow /api/zones would hold it back). After the
// bundle's first run, so that map-controller.ts has set the worker URL.
if (typeof window !== 'undefined') queueMicrotask(() => prewarm());

function forcedMode(): DataMode | null {
  const v = new URLSearchParams(window.location.search).get('tiles');
  return v === '1' ? 'tiles' : v === '0' ? 'geojson' : null;
}

/** Tiles when the URL asks for them or the server recommends them; GeoJSON when the server has no tiles. */
export async function dataMode(): Promise<DataMode> {
  const meta = await firstMeta;
  if (!meta) return 'geojson';
  return forcedMode() ?? meta.recommended;
}

/** GET /api/plots in GeoJSON mode; in tile mode the map draws plots from tiles and no list is loaded. */
export async function plotsForMap(load: () => Promise<PlotCollection>): Promise<PlotCollection> {
  return (await dataMode()) === 'tiles' ? { type: 'FeatureCollection', features: [] } : load();
}

const tileUrl = (meta: TileMeta, layer: TileLayer) => `${window.location.origin}${meta.layers[layer].url}`;

function vectorSource(meta: TileMeta, layer: TileLayer): VectorSourceSpecification {
  const minzoom = layer === 'plots' ? Math.min(CLIENT_TILE_MAX_ZOOM, Math.max(meta.layers.plots.minzoom, Math.floor(PLOTS_MIN_ZOOM))) : meta.layers.zones.minzoom;
  return { type: 'vector', tiles: [tileUrl(meta, layer)], minzoom, maxzoom: CLIENT_TILE_MAX_ZOOM, promoteId: 'id' };
}

type Tiling = { meta: TileMeta; refreshing: Promise<void> | null };
const tilings = new WeakMap<MlMap, Tiling>();

/**
 * Replaces the GeoJSON zones and plots sources by vector sources, keeping every layer that reads
 * them (with its current paint and layout) at its place in the layer order.
 */
function switchToTiles(map: MlMap, meta: TileMeta) {
  const layers = map.getStyle().layers;
  const uses = (l: LayerSpecification) => 'source' in l && typeof l.source === 'string' && l.source in TILED;
  const moved = layers.filter(uses);
  for (const l of moved) map.removeLayer(l.id);
  for (const [source, layer] of Object.entries(TILED)) {
    if (map.getSource(source)) map.removeSource(source);
    map.addSource(source, vectorSource(meta, layer));
  }
  layers.forEach((l, i) => {
    if (!uses(l)) return;
    const before = layers.slice(i + 1).find((n) => !uses(n) && map.getLayer(n.id))?.id;
    map.addLayer({ ...l, 'source-layer': TILED[(l as { source: string }).source] } as LayerSpecification, before);
  });
  tilings.set(map, { meta, refreshing: null });
}

/** Asks for the data version again and, if it moved, points the tiled sources at the new tile URLs. */
export function refreshTiles(map: MlMap): Promise<void> {
  const t = tilings.get(map);
  if (!t) return Promise.resolve();
  t.refreshing ??= fetchMeta()
    .then((meta) => {
      if (!meta || meta.version === t.meta.version) return;
      t.meta = meta;
      for (const [source, layer] of Object.entries(TILED)) {
        const s = map.getSource(source);
        if (s && 'setTiles' in s) (s as unknown as { setTiles(urls: string[]): void }).setTiles([tileUrl(meta, layer)]);
      }
    })
    .finally(() => (t.refreshing = null));
  return t.refreshing;
}

/**
 * The GeoJSON source to setData (or updateData) on. For a tiled source, a stand-in that only
 * checks for new tiles: the app hands the map fresh zones after every edit.
 */
export function geoJsonSource(map: MlMap, id: string): GeoJSONSource {
  const s = map.getSource(id);
  if (s && s.type !== 'geojson' && id in TILED) {
    const refresh = () => void refreshTiles(map);
    return { setData: refresh, updateData: refresh } as unknown as GeoJSONSource;
  }
  return s as GeoJSONSource;
}

type Target = { source: string; sourceLayer?: string; id?: string | number };

/**
 * Call once, right after the map is created. Decides the mode, switches the sources when the style
 * is ready, frames the whole dataset when the page URL names no view, and lets feature-state calls
 * name only the source, as they do for GeoJSON.
 */
export function attachTileMode(map: MlMap, opts: { hasView: boolean }) {
  const withLayer = (t: Target): Target => {
    const layer = TILED[t.source];
    return layer && !t.sourceLayer && map.getSource(t.source)?.type === 'vector' ? { ...t, sourceLayer: layer } : t;
  };
  const m = map as unknown as Record<'setFeatureState' | 'removeFeatureState' | 'getFeatureState', (t: Target, ...rest: unknown[]) => unknown>;
  for (const name of ['setFeatureState', 'removeFeatureState', 'getFeatureState'] as const) {
    const original = m[name]!.bind(map);
    m[name] = (t: Target, ...rest: unknown[]) => original(withLayer(t), ...rest);
  }
  // 'style.load' fires once; isStyleLoaded() is also false while a source parses data, so track it here.
  let styled = false;
  let pending: (() => void) | null = null;
  map.once('style.load', () => {
    styled = true;
    pending?.();
  });
  void Promise.all([dataMode(), firstMeta]).then(([mode, meta]) => {
    if (mode !== 'tiles' || !meta) return;
    const go = () => {
      switchToTiles(map, meta);
      if (!opts.hasView && meta.bbox) map.fitBounds(meta.bbox, { padding: 20, animate: false });
    };
    if (styled) go();
    else pending = go;
  });
}

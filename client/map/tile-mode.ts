/**
 * Zones and plots as vector tiles at national size, as GeoJSON at provincial size (data-mode.ts
 * decides). In tile mode the map's "zones" and "plots" sources become vector sources (promoteId
 * "id", so hover, selection and highlights stay feature-state) and the full plot list is never
 * downloaded. The controller asks `isTiled` before sending data, and feature-states.ts adds the
 * source layer that vector sources need.
 */
import { prewarm, type LayerSpecification, type Map as MlMap, type VectorSourceSpecification } from 'maplibre-gl';
import { CLIENT_TILE_MAX_ZOOM, type TileLayer, type TileMeta } from '../../geodata/tiles.ts';
import { dataMode, fetchTileMeta, firstTileMeta } from './data-mode.ts';
import { PLOTS_MIN_ZOOM, SOURCES } from './style/ids.ts';

// The worker script too: requested now, it is not queued behind the data requests the app makes
// once React has mounted (on one server process a slow /api/zones would hold it back). After the
// bundle's first run, so that map-controller.ts has set the worker URL.
if (typeof window !== 'undefined') queueMicrotask(() => prewarm());

/** The map source fed by each tile layer. */
const TILED: Record<string, TileLayer> = { [SOURCES.zones]: 'zones', [SOURCES.plots]: 'plots' };

/** The tile layer a source reads in tile mode (its feature-state needs it), if any. */
export const tileLayerOf = (source: string): TileLayer | undefined => TILED[source];

const tileUrl = (meta: TileMeta, layer: TileLayer) => `${window.location.origin}${meta.layers[layer].url}`;

function vectorSource(meta: TileMeta, layer: TileLayer): VectorSourceSpecification {
  const minzoom = layer === 'plots' ? Math.min(CLIENT_TILE_MAX_ZOOM, Math.max(meta.layers.plots.minzoom, Math.floor(PLOTS_MIN_ZOOM))) : meta.layers.zones.minzoom;
  return { type: 'vector', tiles: [tileUrl(meta, layer)], minzoom, maxzoom: CLIENT_TILE_MAX_ZOOM, promoteId: 'id' };
}

type Tiling = { meta: TileMeta; refreshing: Promise<void> | null };
const tilings = new WeakMap<MlMap, Tiling>();

/** Whether this source of this map is drawn from tiles (then it takes no setData). */
export function isTiled(map: MlMap, source: string): boolean {
  return tilings.has(map) && source in TILED;
}

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

/**
 * Asks for the data version again and, if it moved, points the tiled sources at the new tile URLs
 * (after an edit the app hands the map fresh zones, which lands here in tile mode).
 */
export function refreshTiles(map: MlMap): Promise<void> {
  const t = tilings.get(map);
  if (!t) return Promise.resolve();
  t.refreshing ??= fetchTileMeta()
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
 * Call once, right after the map is created, with `whenStyled` (the controller's "once the style's
 * sources exist"). Decides the mode, switches the sources, and frames the whole dataset when the
 * page URL names no view.
 */
export function attachTileMode(map: MlMap, opts: { hasView: boolean; whenStyled: (fn: () => void) => void; onSwitched: () => void }) {
  void Promise.all([dataMode(), firstTileMeta]).then(([mode, meta]) => {
    if (mode !== 'tiles' || !meta) return;
    opts.whenStyled(() => {
      switchToTiles(map, meta);
      if (!opts.hasView && meta.bbox) map.fitBounds(meta.bbox, { padding: 20, animate: false });
      opts.onSwitched();
    });
  });
}

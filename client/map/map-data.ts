/**
 * What the map's sources hold, a part of the map controller: the zones (sent as a diff, with
 * their points and cluster bubbles), the plots, the basemap context, the split line being drawn
 * and the import preview. In tile mode the zones and plots sources are vector sources that take no
 * data: fresh zones or plots (after an edit) only make it check for new tiles.
 */
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { CLUSTER_MAX_ZOOM, SOURCES } from './style/ids.ts';
import { isTiled, refreshTiles } from './tile-mode.ts';
import type { buildClusterIndex } from './zone-clusters.ts';
import { applyZones, ZoneSync } from './zone-sync.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export class MapData {
  #zones = new Map<string, ZoneApiFeature>();
  #clusterIndex: ReturnType<typeof buildClusterIndex> | null = null;
  readonly #zoneSync = new ZoneSync(CLUSTER_MAX_ZOOM);

  constructor(private readonly map: MlMap) {}

  /** A GeoJSON source to send data to; undefined when it is drawn from tiles. */
  #source(id: string): GeoJSONSource | undefined {
    if (isTiled(this.map, id)) return undefined;
    return this.map.getSource(id) as GeoJSONSource | undefined;
  }

  hasZone = (id: string) => this.#zones.has(id);
  zone = (id: string) => this.#zones.get(id);
  zones = () => [...this.#zones.values()];
  clusterIndex = () => this.#clusterIndex;

  /**
   * Takes a new list of zones now and returns what to send once the style's sources exist: only
   * the zones that changed, and the bubbles only if their sums moved.
   */
  takeZones(zones: ZoneApiFeature[]): () => void {
    this.#zones = new Map(zones.map((z) => [z.id, z]));
    const sync = this.#zoneSync.update(zones);
    if (sync.clusters) this.#clusterIndex = sync.clusters.index;
    return () => {
      const zoneSource = this.#source(SOURCES.zones);
      if (!zoneSource) void refreshTiles(this.map);
      else if (sync.zones) applyZones(zoneSource, sync.zones);
      if (sync.points) this.#source(SOURCES.zonePoints)?.setData(sync.points);
      if (sync.clusters) this.#source(SOURCES.clusters)?.setData(sync.clusters.bubbles);
    };
  }

  /** False in tile mode, where it only checks for new tiles. */
  sendPlots(plots: PlotCollection): boolean {
    const source = this.#source(SOURCES.plots);
    if (!source) {
      void refreshTiles(this.map);
      return false;
    }
    source.setData(plots);
    return true;
  }

  sendContext(context: ContextCollection) {
    this.#source(SOURCES.context)?.setData(context);
  }

  sendDraft(features: GeoJSON.FeatureCollection) {
    this.#source(SOURCES.draft)?.setData(features);
  }

  sendImportPreview(preview: GeoJSON.FeatureCollection | null) {
    this.#source(SOURCES.importPreview)?.setData(preview ?? EMPTY);
  }
}

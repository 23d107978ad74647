/**
 * The one place that drives MapLibre imperatively. React hands it data and state; it calls the
 * narrowest setter (setData once per dataset, setPaintProperty for a mode, feature-state for
 * hover and selection) and reports clicks and camera moves back through a handlers ref.
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import type { Lang } from '../i18n/strings.ts';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { toMapZones, toZonePoints } from './map-features.ts';
import { CLUSTER_MAX_ZOOM, HATCH_IMAGE, LAYERS, SOURCES, ZONE_HIT_LAYERS } from './style/ids.ts';
import { buildStyle, clusterLabel, modeColor, nameField } from './style/layers.ts';
import { hatchImage } from './style/hatch.ts';
import { buildClusterIndex, clustersForAllZooms } from './zone-clusters.ts';

setWorkerUrl(workerUrl);

/** Extent of the former Bắc Kạn province (QĐ 1288/QĐ-TTg): 21°48′–22°44′ N, 105°26′–106°15′ E. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [105.433, 21.8, 106.25, 22.733];

export type MapHandlers = {
  onZoneClick(id: string): void;
  onViewChange(view: View): void;
};

declare global {
  interface Window {
    /** The live map, for the browser tests and for debugging from the console. */
    __izAtlasMap?: MlMap;
  }
}

export class MapController {
  readonly map: MlMap;
  private zones = new Map<string, ZoneApiFeature>();
  private clusterIndex: ReturnType<typeof buildClusterIndex> | null = null;
  private selected: string | null = null;
  private hovered: string | null = null;

  constructor(
    container: HTMLElement,
    opts: { view: View | null; mode: ColourMode; lang: Lang; noData: string },
    private handlers: { current: MapHandlers },
  ) {
    this.map = new MlMap({
      container,
      style: buildStyle({ base: window.location.href, mode: opts.mode, lang: opts.lang, noData: opts.noData }),
      ...(opts.view ? { center: [opts.view.lon, opts.view.lat], zoom: opts.view.zoom } : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      attributionControl: { compact: true, customAttribution: 'iz-atlas · dữ liệu gần đúng / approximate data' },
      // Keeps the last frame readable for the pixel checks in tests and for map picture export.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('styleimagemissing', (e) => {
      if (e.id === HATCH_IMAGE && !this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.handlers.current.onViewChange({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
    });
    this.map.on('click', (e) => this.onClick(e));
    this.map.on('mousemove', (e) => this.onHover(e));
    window.__izAtlasMap = this.map;
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }

  private whenStyled(fn: () => void) {
    if (this.map.isStyleLoaded()) fn();
    else this.map.once('load', fn);
  }

  setZones(zones: ZoneApiFeature[]) {
    this.zones = new Map(zones.map((z) => [z.id, z]));
    const points = toZonePoints(zones);
    this.clusterIndex = buildClusterIndex(points.features, CLUSTER_MAX_ZOOM);
    const clusters = clustersForAllZooms(this.clusterIndex, CLUSTER_MAX_ZOOM);
    this.whenStyled(() => {
      this.source(SOURCES.zones).setData(toMapZones(zones));
      this.source(SOURCES.zonePoints).setData(points);
      this.source(SOURCES.clusters).setData(clusters);
      this.applySelection();
    });
  }

  setPlots(plots: PlotCollection) {
    this.whenStyled(() => this.source(SOURCES.plots).setData(plots));
  }

  setContext(context: ContextCollection) {
    this.whenStyled(() => this.source(SOURCES.context).setData(context));
  }

  setMode(mode: ColourMode, lang: Lang, noData: string) {
    this.whenStyled(() => {
      this.map.setPaintProperty(LAYERS.zonesFill, 'fill-color', modeColor(mode));
      this.map.setPaintProperty(LAYERS.clusters, 'circle-color', modeColor(mode));
      this.map.setLayoutProperty(LAYERS.clusterLabels, 'text-field', clusterLabel(mode, lang, noData));
    });
  }

  setLang(mode: ColourMode, lang: Lang, noData: string) {
    this.whenStyled(() => {
      this.map.setLayoutProperty(LAYERS.zoneLabels, 'text-field', nameField(lang));
      this.map.setLayoutProperty(LAYERS.seatLabels, 'text-field', nameField(lang));
      this.map.setLayoutProperty(LAYERS.clusterLabels, 'text-field', clusterLabel(mode, lang, noData));
    });
  }

  select(zoneId: string | null) {
    this.selected = zoneId;
    this.whenStyled(() => this.applySelection());
  }

  private applySelection() {
    if (!this.map.getSource(SOURCES.zones)) return;
    this.map.removeFeatureState({ source: SOURCES.zones });
    if (this.selected && this.zones.has(this.selected)) this.map.setFeatureState({ source: SOURCES.zones, id: this.selected }, { selected: true });
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.zones, id: this.hovered }, { hover: true });
  }

  /** Fits the camera to a zone. */
  flyToZone(zoneId: string) {
    const zone = this.zones.get(zoneId);
    if (!zone) return;
    const [w, s, e, n] = bbox(zone) as [number, number, number, number];
    this.map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 15, duration: 600 });
  }

  private onClick(e: MapMouseEvent) {
    const [cluster] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.clusters] });
    if (cluster) {
      const { clusterId, zoneId } = cluster.properties as { clusterId: number | null; zoneId: string | null };
      if (zoneId) {
        this.handlers.current.onZoneClick(zoneId);
      } else if (clusterId !== null && this.clusterIndex) {
        const zoom = this.clusterIndex.getClusterExpansionZoom(clusterId);
        this.map.easeTo({ center: (cluster.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.5 });
      }
      return;
    }
    const [zone] = this.map.queryRenderedFeatures(e.point, { layers: ZONE_HIT_LAYERS });
    if (zone) this.handlers.current.onZoneClick(String(zone.properties.id));
  }

  private onHover(e: MapMouseEvent) {
    const [hit] = this.map.queryRenderedFeatures(e.point, { layers: [...ZONE_HIT_LAYERS, LAYERS.clusters] });
    const id = hit && hit.layer.id !== LAYERS.clusters ? String(hit.properties.id) : null;
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    if (id === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.zones, id: this.hovered }, { hover: false });
    this.hovered = id;
    if (id) this.map.setFeatureState({ source: SOURCES.zones, id }, { hover: true });
  }

  destroy() {
    if (window.__izAtlasMap === this.map) delete window.__izAtlasMap;
    this.map.remove();
  }
}

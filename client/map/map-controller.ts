/**
 * The one place that drives MapLibre imperatively. React hands it data and state; it calls the
 * narrowest setter (setData once per dataset, setPaintProperty for a mode, feature-state for
 * hover and selection) and reports clicks and camera moves back through a handlers ref.
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { LineString } from 'geojson';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import type { Lang } from '../i18n/strings.ts';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { draftFeatures, dropRepeatedVertices } from './map-features.ts';
import { CLUSTER_MAX_ZOOM, HATCH_IMAGE, LAYERS, SOURCES, ZONE_HIT_LAYERS } from './style/ids.ts';
import { buildStyle, clusterLabel, modeColor, nameField } from './style/layers.ts';
import { hatchImage } from './style/hatch.ts';
import { FIND_LAYERS, ZONE_MATCH_STATE } from './style/find-land-layers.ts';
import { MeasureTools } from './map-tools.ts';
import { attachTileMode, geoJsonSource } from './tile-mode.ts';
import type { buildClusterIndex } from './zone-clusters.ts';
import { applyZones, ZoneSync } from './zone-sync.ts';

setWorkerUrl(workerUrl);

/** Extent of the former Bắc Kạn province (QĐ 1288/QĐ-TTg): 21°48′–22°44′ N, 105°26′–106°15′ E. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [105.433, 21.8, 106.25, 22.733];

export type MapHandlers = {
  onZoneClick(id: string): void;
  onPlotClick(id: string): void;
  onViewChange(view: View): void;
  /** The split line, once the user finishes it (double-click or Enter). */
  onLineDrawn(line: LineString): void;
  /** A plot clicked while picking one (the second plot of a merge). */
  onPlotPicked(id: string): void;
  /** Escape while drawing or picking. */
  onToolCancel(): void;
};

/** What a click on the map does: select (normal), add a vertex to the split line, or pick a plot. */
export type MapTool = 'none' | 'draw-line' | 'pick-plot';

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
  private zoneSync = new ZoneSync(CLUSTER_MAX_ZOOM);
  private selected: string | null = null;
  private hovered: string | null = null;
  private tool: MapTool = 'none';
  /** Vertices of the split line being drawn, in lon/lat. */
  private vertices: [number, number][] = [];
  private plotHighlight: { selected: string | null; candidate: string | null } = { selected: null, candidate: null };
  /** Find land: plots matching the search, and the one whose list row is under the pointer. */
  private plotMatches: string[] = [];
  private plotHover: string | null = null;
  private zoneMatches: string[] = [];
  /** Measuring tools (distance, area, radius); while one is active, clicks do not select. */
  readonly measure: MeasureTools;
  private readonly onKey = (e: KeyboardEvent) => this.onKeyDown(e);
  private styled = false;
  private pending: (() => void)[] = [];

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
      // Not preserveDrawingBuffer: it costs 15–20 % of the frames while panning. Pictures and the
      // tests' pixel checks read the canvas inside a frame instead (next-frame.ts).
      canvasContextAttributes: { preserveDrawingBuffer: false },
    });
    // 'style.load', not 'load': the sources exist as soon as the style is parsed, while 'load' also
    // waits for the first complete frame (fonts, empty sources parsed by the worker): ~300 ms later.
    this.map.once('style.load', () => {
      this.styled = true;
      for (const fn of this.pending.splice(0)) fn();
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
    this.map.on('dblclick', (e) => {
      if (this.tool !== 'draw-line') return;
      e.preventDefault();
      this.finishLine();
    });
    this.map.on('mousemove', (e) => this.onHover(e));
    window.addEventListener('keydown', this.onKey);
    window.__izAtlasMap = this.map;
    this.measure = new MeasureTools(this.map);
    attachTileMode(this.map, { hasView: !!opts.view });
  }

  private source(id: string): GeoJSONSource {
    return geoJsonSource(this.map, id);
  }

  /**
   * Runs fn now if the style's sources exist, else once they do. Not map.isStyleLoaded(): that is
   * also false while any source is still parsing a setData, and 'style.load' fires only once, so a
   * second dataset arriving in that window (plots right after zones) would never be drawn.
   */
  private whenStyled(fn: () => void) {
    if (this.styled) fn();
    else this.pending.push(fn);
  }

  setZones(zones: ZoneApiFeature[]) {
    this.zones = new Map(zones.map((z) => [z.id, z]));
    // Only the zones that changed go to the map, and the bubbles are rebuilt only if their sums moved.
    const sync = this.zoneSync.update(zones);
    if (sync.clusters) this.clusterIndex = sync.clusters.index;
    this.whenStyled(() => {
      if (sync.zones) applyZones(this.source(SOURCES.zones), sync.zones);
      if (sync.points) this.source(SOURCES.zonePoints).setData(sync.points);
      if (sync.clusters) this.source(SOURCES.clusters).setData(sync.clusters.bubbles);
      this.applySelection();
    });
  }

  setPlots(plots: PlotCollection) {
    this.whenStyled(() => {
      this.source(SOURCES.plots).setData(plots);
      this.applyPlotHighlight();
    });
  }

  /** Outlines the open plot and, during a merge, the plot picked to join it. */
  highlightPlots(selected: string | null, candidate: string | null) {
    this.plotHighlight = { selected, candidate };
    this.whenStyled(() => this.applyPlotHighlight());
  }

  /**
   * Highlight layers draw a zero-width line over every feature while nothing is highlighted, which
   * still costs frames when panning over thousands of plots: they are shown only while in use.
   */
  private syncHighlightLayers() {
    const show = (ids: string[], on: boolean) => {
      for (const id of ids) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    };
    show([LAYERS.plotsSelected], !!(this.plotHighlight.selected || this.plotHighlight.candidate));
    show([LAYERS.zonesSelected], !!(this.shownSelected || this.hovered));
    show([FIND_LAYERS.plotsMatchCasing, FIND_LAYERS.plotsMatch], this.plotMatches.length > 0 || !!this.plotHover);
    show([FIND_LAYERS.zonesMatchCasing, FIND_LAYERS.zonesMatch], this.zoneMatches.length > 0);
  }

  private applyPlotHighlight() {
    this.syncHighlightLayers();
    if (!this.map.getSource(SOURCES.plots)) return;
    this.map.removeFeatureState({ source: SOURCES.plots });
    const { selected, candidate } = this.plotHighlight;
    if (selected) this.map.setFeatureState({ source: SOURCES.plots, id: selected }, { selected: true });
    if (candidate) this.map.setFeatureState({ source: SOURCES.plots, id: candidate }, { candidate: true });
    for (const id of this.plotMatches) this.map.setFeatureState({ source: SOURCES.plots, id }, { match: true });
    if (this.plotHover) this.map.setFeatureState({ source: SOURCES.plots, id: this.plotHover }, { hover: true });
  }

  /**
   * Switches what a click does. Drawing turns off double-click zoom (double-click ends the line)
   * and starts from an empty line; leaving a tool clears the unfinished line.
   */
  setTool(tool: MapTool) {
    if (tool === this.tool) return;
    this.tool = tool;
    this.vertices = [];
    if (tool === 'draw-line') this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = tool === 'none' ? '' : 'crosshair';
    this.whenStyled(() => this.source(SOURCES.draft).setData(draftFeatures([])));
  }

  /** Shows a finished split line (or none) while the user confirms it. */
  setDraft(line: LineString | null) {
    if (this.tool === 'draw-line') return;
    this.whenStyled(() => this.source(SOURCES.draft).setData(draftFeatures((line?.coordinates ?? []) as [number, number][])));
  }

  private addVertex(lngLat: [number, number]) {
    this.vertices.push(lngLat);
    this.source(SOURCES.draft).setData(draftFeatures(this.vertices));
  }

  /** Ends the line being drawn; fewer than two distinct points is not a line yet. */
  finishLine() {
    if (this.tool !== 'draw-line') return;
    const points = dropRepeatedVertices(this.vertices.map((v) => ({ v, ...this.map.project(v) })));
    if (points.length < 2) return;
    const line: LineString = { type: 'LineString', coordinates: points.map((p) => p.v) };
    this.handlers.current.onLineDrawn(line);
  }

  private onKeyDown(e: KeyboardEvent) {
    if (this.tool === 'none') return;
    // Keys typed into the panel's fields (a reason, say) are not map commands.
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (e.key === 'Escape') this.handlers.current.onToolCancel();
    else if (e.key === 'Enter' && this.tool === 'draw-line') this.finishLine();
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

  /** The zone whose `selected` feature-state is set, to clear only that key (the timeline keeps its own keys on zones). */
  private shownSelected: string | null = null;

  private applySelection() {
    if (!this.map.getSource(SOURCES.zones)) return;
    if (this.shownSelected) this.map.removeFeatureState({ source: SOURCES.zones, id: this.shownSelected }, 'selected');
    this.shownSelected = this.selected && this.zones.has(this.selected) ? this.selected : null;
    if (this.shownSelected) this.map.setFeatureState({ source: SOURCES.zones, id: this.shownSelected }, { selected: true });
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.zones, id: this.hovered }, { hover: true });
    this.syncHighlightLayers();
  }

  /** Fits the camera to a zone. */
  flyToZone(zoneId: string) {
    const zone = this.zones.get(zoneId);
    if (!zone) return;
    const [w, s, e, n] = bbox(zone) as [number, number, number, number];
    this.map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 15, duration: 600 });
  }

  /** Marks the plots a land search found (feature-state "match"); no data is resent. */
  setPlotMatches(ids: string[]) {
    const before = this.plotMatches;
    this.plotMatches = ids;
    this.whenStyled(() => {
      this.syncHighlightLayers();
      if (!this.map.getSource(SOURCES.plots)) return;
      const keep = new Set(ids);
      for (const id of before) if (!keep.has(id)) this.map.removeFeatureState({ source: SOURCES.plots, id }, 'match');
      for (const id of ids) this.map.setFeatureState({ source: SOURCES.plots, id }, { match: true });
    });
  }

  /** Rings the zones that hold matching plots (feature-state on the zone points). */
  setZoneMatches(ids: string[]) {
    const before = this.zoneMatches;
    this.zoneMatches = ids;
    this.whenStyled(() => {
      this.syncHighlightLayers();
      if (!this.map.getSource(SOURCES.zonePoints)) return;
      const keep = new Set(ids);
      for (const id of before) if (!keep.has(id)) this.map.removeFeatureState({ source: SOURCES.zonePoints, id }, ZONE_MATCH_STATE);
      for (const id of ids) this.map.setFeatureState({ source: SOURCES.zonePoints, id }, { [ZONE_MATCH_STATE]: true });
    });
  }

  /** Emphasises one plot (feature-state "hover"), e.g. while its row in the results is hovered. */
  hoverPlot(id: string | null) {
    const before = this.plotHover;
    if (before === id) return;
    this.plotHover = id;
    this.whenStyled(() => {
      this.syncHighlightLayers();
      if (!this.map.getSource(SOURCES.plots)) return;
      if (before) this.map.removeFeatureState({ source: SOURCES.plots, id: before }, 'hover');
      if (id) this.map.setFeatureState({ source: SOURCES.plots, id }, { hover: true });
    });
  }

  /** The import being checked, drawn over the map until it is committed or dropped (null clears it). */
  setImportPreview(preview: GeoJSON.FeatureCollection | null) {
    this.importFocus = null;
    this.whenStyled(() => {
      this.map.removeFeatureState({ source: SOURCES.importPreview });
      this.source(SOURCES.importPreview).setData(preview ?? { type: 'FeatureCollection', features: [] });
    });
  }

  private importFocus: string | null = null;

  /** Outlines the preview feature an issue is about. */
  focusImportFeature(id: string | null) {
    const before = this.importFocus;
    this.importFocus = id;
    this.whenStyled(() => {
      if (before) this.map.removeFeatureState({ source: SOURCES.importPreview, id: before }, 'focus');
      if (id) this.map.setFeatureState({ source: SOURCES.importPreview, id }, { focus: true });
    });
  }

  /** Dashed outlines on plots with open enquiries: for planners only. */
  showEnquiryMarks(visible: boolean) {
    this.whenStyled(() => this.map.setLayoutProperty(FIND_LAYERS.plotsEnquiry, 'visibility', visible ? 'visible' : 'none'));
  }

  /** Fits the camera to any feature (a plot from the results, say), leaving room for open panels. */
  fitTo(feature: GeoJSON.Feature | GeoJSON.FeatureCollection, padding: { top: number; right: number; bottom: number; left: number }) {
    const [w, s, e, n] = bbox(feature) as [number, number, number, number];
    const { clientWidth: cw, clientHeight: ch } = this.map.getContainer();
    // MapLibre refuses padding that leaves no room; keep at least a third of each side free.
    const scale = Math.min(1, (cw * 0.66) / Math.max(1, padding.left + padding.right), (ch * 0.66) / Math.max(1, padding.top + padding.bottom));
    const pad = { top: padding.top * scale, right: padding.right * scale, bottom: padding.bottom * scale, left: padding.left * scale };
    this.map.fitBounds([w, s, e, n], { padding: pad, maxZoom: 17, duration: 600 });
  }

  private onClick(e: MapMouseEvent) {
    if (this.measure.active) return;
    if (this.tool === 'draw-line') {
      this.addVertex(e.lngLat.toArray() as [number, number]);
      return;
    }
    const [plot] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.plotsFill] });
    if (this.tool === 'pick-plot') {
      if (plot) this.handlers.current.onPlotPicked(String(plot.properties.id));
      return;
    }
    if (plot) {
      this.handlers.current.onPlotClick(String(plot.properties.id));
      return;
    }
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
    if (this.tool !== 'none' || this.measure.active) return;
    const [hit] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.plotsFill, ...ZONE_HIT_LAYERS, LAYERS.clusters] });
    const id = hit && ZONE_HIT_LAYERS.includes(hit.layer.id as (typeof ZONE_HIT_LAYERS)[number]) ? String(hit.properties.id) : null;
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    if (id === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.zones, id: this.hovered }, { hover: false });
    this.hovered = id;
    if (id) this.map.setFeatureState({ source: SOURCES.zones, id }, { hover: true });
    this.syncHighlightLayers();
  }

  destroy() {
    window.removeEventListener('keydown', this.onKey);
    this.measure.destroy();
    if (window.__izAtlasMap === this.map) delete window.__izAtlasMap;
    this.map.remove();
  }
}

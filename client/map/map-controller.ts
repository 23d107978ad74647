/**
 * The one owner of the MapLibre map. The map object is private: React components, the leaders'
 * views, the investor tools and the exports ask through the methods below, never the map itself.
 * React hands it data and state; the controller sends data once per dataset (or checks for new
 * tiles), marks features through feature-state (map-highlights.ts, map-timeline.ts), and derives
 * every changing paint, layout and filter value from one state (map-look.ts), so each is written
 * by one writer whatever order the calls come in. Clicks and camera moves go back through a
 * handlers ref (map-input.ts).
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { LineString } from 'geojson';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import type { BasemapService } from '../../geodata/basemaps.ts';
import type { Lang } from '../i18n/strings.ts';
import type { ColourMode, View } from '../lib/hash-state.ts';
import type { ZoneState } from '../lib/timeline.ts';
import { Basemaps, ControlSlot } from './basemaps.ts';
import { FeatureStates } from './feature-states.ts';
import { FirstView } from './first-view.ts';
import { MapData } from './map-data.ts';
import {
  boxesOver,
  cameraOf,
  fitFeature,
  followEachOther,
  goTo,
  keepInView,
  keepZonesClear,
  overlayPadding,
  paddingFor,
  PROVINCE_BOUNDS,
  roomyPadding,
  type Camera,
  type Frame,
  type Padding,
} from './map-camera.ts';
import { draftFeatures } from './map-features.ts';
import { MapHighlights } from './map-highlights.ts';
import { INERT_HANDLERS, MapInput, type MapHandlers, type MapTool } from './map-input.ts';
import { mapUiLocale, relabelMapUi } from './map-ui-words.ts';
import { MapAttribution } from './map-attribution.ts';
import { addSource, withoutSource } from './deferred-source.ts';
import { applyLook, INITIAL_LOOK, lookOf, styleWithLook, type Look, type LookState } from './map-look.ts';
import { MapTimeline } from './map-timeline.ts';
import { MeasureTools } from './map-tools.ts';
import { readMap, snapshot } from './picture-capture.ts';
import { HATCH_BUBBLE_IMAGE, HATCH_IMAGE, SOURCES } from './style/ids.ts';
import { buildStyle } from './style/layers.ts';
import { hatchDiscImage, hatchImage } from './style/hatch.ts';
import { attachTileMode } from './tile-mode.ts';

setWorkerUrl(workerUrl);

export { PROVINCE_BOUNDS, frameFor, pictureFrame, type Camera, type Frame, type Padding } from './map-camera.ts';
export type { MapHandlers, MapTool } from './map-input.ts';

declare global {
  interface Window {
    /** The live map: a hook for the browser tests and for debugging from the console. */
    __izAtlasMap?: MlMap;
  }
}

export type MapOptions = {
  view: (View & { bearing?: number }) | null;
  mode: ColourMode;
  lang: Lang;
  noData: string;
  /** Device pixels per CSS pixel (pictures at print resolution); the screen's by default. */
  pixelRatio?: number;
  /** An off-screen or "before" map: not the one published for the tests. */
  secondary?: boolean;
};

/** The look's state apart from the highlights', which MapHighlights keeps. */
type OwnLook = Omit<LookState, keyof ReturnType<MapHighlights['look']>>;

export class MapController {
  readonly #map: MlMap;
  readonly #data: MapData;
  readonly #states: FeatureStates;
  readonly #highlights: MapHighlights;
  readonly #timeline: MapTimeline;
  readonly #input: MapInput;
  readonly #attribution: MapAttribution;
  #look: OwnLook;
  #shownLook: Look | null = null;
  #styled = false;
  #pending: (() => void)[] = [];
  /** Set once the first zones went to their sources: the boundaries wait for them to be drawn. */
  #zonesSent = false;
  readonly #secondary: boolean;
  readonly #basemaps: Basemaps;
  readonly #slot: ControlSlot | null;
  /** Frames every zone clear of the overlays until the reader moves the map (no view in the link). */
  readonly #firstView: FirstView | null;
  /** Measuring tools (distance, area, radius); while one is active, clicks do not select. */
  readonly measure: MeasureTools;

  constructor(container: HTMLElement, opts: MapOptions, handlers: { current: MapHandlers }) {
    const look = { ...INITIAL_LOOK, mode: opts.mode, lang: opts.lang, noData: opts.noData };
    // The style starts with the look the first #restyle would write (nothing is left to write then).
    const firstLook = lookOf(look);
    const map = new MlMap({
      container,
      // The boundaries wait for the zones on the reader's map (deferred-source.ts); pictures and
      // the before/after map are drawn whole.
      style: (() => {
        const whole = styleWithLook(buildStyle({ base: window.location.href, mode: opts.mode, lang: opts.lang, noData: opts.noData }), firstLook);
        return opts.secondary ? whole : withoutSource(whole, SOURCES.admin);
      })(),
      ...(opts.view
        ? { center: [opts.view.lon, opts.view.lat], zoom: opts.view.zoom, bearing: opts.view.bearing ?? 0 }
        : // The first view leaves the legend and the figures card their room (on a phone they would hide the south).
          { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: opts.secondary ? 20 : roomyPadding(container, overlayPadding(container)) } }),
      ...(opts.pixelRatio ? { pixelRatio: opts.pixelRatio } : {}),
      // Our own control, in the reader's language (map-attribution.ts).
      attributionControl: false,
      locale: mapUiLocale(opts.lang),
      // Not preserveDrawingBuffer: it costs 15–20 % of the frames while panning. Pictures and the
      // tests' pixel checks read the canvas inside a frame instead (next-frame.ts).
      canvasContextAttributes: { preserveDrawingBuffer: false },
    });
    this.#map = map;
    this.#secondary = !!opts.secondary;
    this.#look = look;
    this.#shownLook = firstLook;
    this.#data = new MapData(map);
    this.#states = new FeatureStates(map);
    this.#highlights = new MapHighlights(this.#states);
    this.#timeline = new MapTimeline(this.#states);
    // 'style.load', not 'load': the sources exist as soon as the style is parsed, while 'load' also
    // waits for the first complete frame (fonts, empty sources parsed by the worker): ~300 ms later.
    map.once('style.load', () => {
      // Added now rather than when first missing: a symbol laid out before its image exists stays
      // without it until its tile is laid out again.
      if (!map.hasImage(HATCH_BUBBLE_IMAGE)) map.addImage(HATCH_BUBBLE_IMAGE, hatchDiscImage(), { pixelRatio: 2 });
      this.#styled = true;
      this.#restyle();
      if (!this.#secondary) this.#addBoundariesWhenDue();
      for (const fn of this.#pending.splice(0)) fn();
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // Pictures and the before/after map keep the offline basemap: no switch there.
    this.#slot = this.#secondary ? null : new ControlSlot();
    if (this.#slot) map.addControl(this.#slot, 'top-right');
    this.#basemaps = new Basemaps(map);
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.#attribution = new MapAttribution(map);
    this.#attribution.show(opts.lang);
    map.on('styleimagemissing', (e) => {
      if (e.id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
      if (e.id === HATCH_BUBBLE_IMAGE && !map.hasImage(HATCH_BUBBLE_IMAGE)) map.addImage(HATCH_BUBBLE_IMAGE, hatchDiscImage(), { pixelRatio: 2 });
    });
    this.#input = new MapInput(map, {
      handlers,
      measuring: () => this.measure.active,
      clusterIndex: this.#data.clusterIndex,
      onHoverZone: (id) => {
        if (this.#highlights.hoverZone(id)) this.#restyle();
      },
      setDraft: (features) => this.#data.sendDraft(features),
    });
    if (!this.#secondary) window.__izAtlasMap = map;
    this.#firstView = opts.view || this.#secondary ? null : new FirstView(map);
    this.measure = new MeasureTools(map);
    attachTileMode(map, {
      hasView: !!opts.view,
      whenStyled: (fn) => this.#whenStyled(fn),
      // The zones and plots sources were replaced: their feature-state is set again.
      onSwitched: () => {
        this.#highlights.applySelection(this.#data.hasZone);
        this.#highlights.applyPlots();
        this.#timeline.reapply();
      },
    });
  }

  /**
   * Runs fn now if the style's sources exist, else once they do. Not map.isStyleLoaded(): that is
   * also false while any source is still parsing a setData, and 'style.load' fires only once, so a
   * second dataset arriving in that window (plots right after zones) would never be drawn.
   */
  #whenStyled(fn: () => void) {
    if (this.#styled) fn();
    else this.#pending.push(fn);
  }

  /** The one writer of the look: brings every changing paint, layout and filter value to what the state says. */
  #restyle() {
    if (!this.#styled) return;
    this.#shownLook = applyLook(this.#map, this.#shownLook, lookOf({ ...this.#look, ...this.#highlights.look() }));
  }

  /**
   * The reader's map adds its boundaries in the frame that first draws the zones, or in the first
   * frame that would otherwise leave the map loaded without them (zones not sent yet, as on a
   * national link whose zones come late). Inside a 'render' event, before MapLibre decides on
   * 'idle': adding a source marks the map dirty, so map.loaded() is never true without them.
   */
  #addBoundariesWhenDue() {
    const map = this.#map;
    const zonesDrawn = () => this.#zonesSent && map.isSourceLoaded(SOURCES.clusters) && map.isSourceLoaded(SOURCES.zones);
    const due = () => {
      if (!zonesDrawn() && !map.loaded()) return;
      map.off('render', due);
      this.#addBoundaries();
    };
    map.on('render', due);
  }

  /** The boundary tiles, once the first zones are drawn, in the look the map has now. */
  #addBoundaries() {
    const { mode, lang, noData } = this.#look;
    const whole = styleWithLook(buildStyle({ base: window.location.href, mode, lang, noData }), this.#shownLook ?? lookOf({ ...this.#look, ...this.#highlights.look() }));
    addSource(this.#map, whole, SOURCES.admin);
  }

  #setLook(patch: Partial<OwnLook>) {
    this.#look = { ...this.#look, ...patch };
    if (this.#attribution.show(this.#look.lang)) relabelMapUi(this.#map, this.#look.lang);
    this.#restyle();
  }

  // ---- data ---------------------------------------------------------------------------------

  setZones(zones: ZoneApiFeature[]) {
    this.#firstView?.setZones(zones);
    const send = this.#data.takeZones(zones);
    this.#whenStyled(() => {
      send();
      this.#zonesSent = true;
      this.#highlights.applySelection(this.#data.hasZone);
      this.#restyle();
    });
  }

  /** The plots to draw from GeoJSON; in tile mode the tiles draw them and this only checks for new tiles. */
  setPlots(plots: PlotCollection) {
    this.#whenStyled(() => {
      if (this.#data.sendPlots(plots)) this.#highlights.applyPlots();
    });
  }

  setContext(context: ContextCollection) {
    this.#whenStyled(() => this.#data.sendContext(context));
  }

  /** The import being checked, drawn over the map until it is committed or dropped (null clears it). */
  setImportPreview(preview: GeoJSON.FeatureCollection | null) {
    this.#whenStyled(() => {
      this.#highlights.clearImportFocus();
      this.#data.sendImportPreview(preview);
    });
  }

  /** Outlines the preview feature an issue is about. */
  focusImportFeature(id: string | null) {
    this.#whenStyled(() => this.#highlights.focusImport(id));
  }

  // ---- look ---------------------------------------------------------------------------------

  setMode(mode: ColourMode, lang: Lang, noData: string) {
    this.#setLook({ mode, lang, noData });
  }

  setLang(mode: ColourMode, lang: Lang, noData: string) {
    this.#setLook({ mode, lang, noData });
  }

  /** Puts the keyboard focus on the map, where the arrow keys pan and +/− zoom. */
  focus() {
    this.#map.getCanvas().focus({ preventScroll: true });
  }

  /** Where the basemap switch is drawn among the map's controls (null on a secondary map). */
  get controlSlot(): HTMLElement | null {
    return this.#slot?.element ?? null;
  }

  /**
   * Draws an online basemap under every other layer, or the offline one (null). When the service
   * cannot be reached the map goes back to the offline basemap and `onUnavailable` hears its id.
   */
  setBasemap(service: BasemapService | null, onUnavailable: (id: string) => void) {
    this.#whenStyled(() => {
      this.#basemaps.show(service, (id) => {
        this.#setLook({ onlineBasemap: false });
        onUnavailable(id);
      });
      this.#setLook({ onlineBasemap: this.#basemaps.shown !== null });
    });
  }

  /** The online basemap's credit while one is drawn (pictures of this map carry it), else null. */
  basemapCredit(): string | null {
    return this.#basemaps.credit;
  }

  /** Dashed outlines on plots with open enquiries: for planners only. */
  showEnquiryMarks(visible: boolean) {
    this.#setLook({ enquiryMarks: visible });
  }

  /**
   * The leaders' timeline: every zone as it stood at a date (states by zone id), coloured in the
   * map's own colour mode, or back to today with null. `hidePlots`: plots have no history, so a
   * past date hides them rather than show today's leases.
   */
  setTimeline(states: ReadonlyMap<string, ZoneState> | null, hidePlots: boolean) {
    this.#whenStyled(() => {
      this.#timeline.show(states);
      this.#setLook({ timeline: !!states, plotsHidden: !!states && hidePlots });
    });
  }

  /** Rings the zone picked in a leaders' chart or tour stop (or none), with its name at province zoom. */
  ringZone(zoneId: string | null) {
    this.#whenStyled(() => {
      this.#timeline.ring(zoneId);
      this.#setLook({ ringed: zoneId });
    });
  }

  // ---- highlights ---------------------------------------------------------------------------

  select(zoneId: string | null) {
    this.#whenStyled(() => {
      this.#highlights.select(zoneId, this.#data.hasZone);
      this.#restyle();
    });
  }

  /** Outlines the open plot and, during a merge, the plot picked to join it. */
  highlightPlots(selected: string | null, candidate: string | null) {
    this.#whenStyled(() => {
      this.#highlights.setPlot(selected, candidate);
      this.#restyle();
    });
  }

  /** Marks the plots a land search found (feature-state "match"); no data is resent. */
  setPlotMatches(ids: string[]) {
    this.#whenStyled(() => {
      this.#highlights.setPlotMatches(ids);
      this.#restyle();
    });
  }

  /** Rings the zones that hold matching plots (feature-state on the zone points). */
  setZoneMatches(ids: string[]) {
    this.#whenStyled(() => {
      this.#highlights.setZoneMatches(ids);
      this.#restyle();
    });
  }

  /** Emphasises one plot (feature-state "hover"), e.g. while its row in the results is hovered. */
  hoverPlot(id: string | null) {
    this.#whenStyled(() => {
      if (this.#highlights.hoverPlot(id)) this.#restyle();
    });
  }

  // ---- tools --------------------------------------------------------------------------------

  setTool(tool: MapTool) {
    if (!this.#input.setTool(tool)) return;
    this.#whenStyled(() => this.#data.sendDraft(draftFeatures([])));
  }

  /** Shows a finished split line (or none) while the user confirms it. */
  setDraft(line: LineString | null) {
    if (this.#input.drawing) return;
    this.#whenStyled(() => this.#data.sendDraft(draftFeatures((line?.coordinates ?? []) as [number, number][])));
  }

  /** Ends the line being drawn (the panel's "finish" button). */
  finishLine() {
    this.#input.finishLine();
  }

  /**
   * Adds a point at the map's centre, under the crosshair, to whatever is being drawn (a
   * measurement, a split line): the keyboard's and the panels' way to draw without a pointer.
   */
  addPointAtCentre() {
    if (this.measure.active) this.measure.addAtCentre();
    else this.#input.addVertexAtCentre();
  }

  // ---- camera -------------------------------------------------------------------------------

  /** Fits the camera to a zone, in the part of the map no panel, sheet or legend covers. */
  flyToZone(zoneId: string) {
    const zone = this.#data.zone(zoneId);
    if (!zone) return;
    const [w, s, e, n] = bbox(zone) as [number, number, number, number];
    const padding = roomyPadding(this.#map.getContainer(), overlayPadding(this.#map.getContainer(), 40));
    this.#map.fitBounds([w, s, e, n], { padding, maxZoom: 15, duration: 600 });
  }

  /** A zone just selected by a tap: moved out from under the sheet or panel if it is there. */
  keepZoneInView(zoneId: string) {
    const zone = this.#data.zone(zoneId);
    if (zone) keepInView(this.#map, zone, overlayPadding(this.#map.getContainer()));
  }

  /** Fits the camera to any feature (a plot from the results, say), leaving room for open panels. */
  fitTo(feature: GeoJSON.Feature | GeoJSON.FeatureCollection, padding: Padding) {
    fitFeature(this.#map, feature, padding);
  }

  /** Flies (or jumps, with duration 0) to a tour stop or brief page, leaving `padding` free for captions. */
  frame(frame: Frame, padding: Padding, duration: number) {
    goTo(this.#map, frame, padding, duration);
  }

  /**
   * Padding that keeps a frame clear of these on-screen overlays (legend, bars, cards): see
   * paddingFor. `over`: measure them against another container of this map's size (the
   * before/after map, whose camera follows this one).
   */
  paddingFor(overlays: readonly (Element | null | undefined)[], margin = 16, over?: HTMLElement): Padding {
    return paddingFor(this.size(), boxesOver(over ?? this.#map.getContainer(), overlays), margin);
  }

  /**
   * An overlay over this map changed size (the legend unfolded, say): reframes only if it now
   * covers a zone on screen, with the padding of every overlay as it is now (overlayPadding).
   */
  overlaysResized() {
    // A flight under way (a tour stop, a search) already frames its target clear of the overlays.
    if (this.#map.isMoving()) return;
    const c = this.#map.getContainer();
    // Moved, never zoomed out: the legend grows when plots are drawn, from zoom 14.5, and zooming
    // out for it would drop below that zoom, shrink the legend and undo the reader's zoom in.
    keepZonesClear(this.#map, this.#data.zones(), roomyPadding(c, overlayPadding(c)), 300, false);
  }

  /** Reframes only if an overlay covers a zone on screen (see keepZonesClear). */
  keepZonesClear(zones: readonly ZoneApiFeature[], padding: Padding) {
    keepZonesClear(this.#map, zones, padding);
  }

  /** The part of the world on screen: [west, south, east, north]. */
  viewBounds(): [number, number, number, number] {
    const b = this.#map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  camera(): Camera {
    return cameraOf(this.#map);
  }

  /** The map's size in CSS pixels. */
  size(): { width: number; height: number } {
    const c = this.#map.getContainer();
    return { width: c.clientWidth, height: c.clientHeight };
  }

  /** The container changed size (a second map took half the screen). */
  resize() {
    this.#map.resize();
  }

  /**
   * The before/after comparison: a second map in `container` with these zones, whose camera and
   * this one's follow each other. Close it with `close`.
   */
  openCompare(container: HTMLElement, data: { zones: ZoneApiFeature[]; context: ContextCollection | null }, opts: { mode: ColourMode; lang: Lang; noData: string }) {
    this.resize();
    const other = new MapController(container, { ...opts, view: this.camera(), secondary: true }, INERT_HANDLERS);
    other.setZones(data.zones);
    if (data.context) other.setContext(data.context);
    const unfollow = followEachOther(this.#map, other.#map);
    return {
      map: other,
      close: () => {
        unfollow();
        other.destroy();
        this.resize();
      },
    };
  }

  // ---- pictures -----------------------------------------------------------------------------

  /** A picture of this map framing `bounds` (the brochure's), or null if it never settles. */
  snapshot(bounds: [number, number, number, number], padding = 40): Promise<string | null> {
    return snapshot(this.#map, bounds, padding);
  }

  /** This map at its own size and pixel ratio (an off-screen map's picture). */
  capture(): Promise<HTMLCanvasElement> {
    const canvas = this.#map.getCanvas();
    return readMap(this.#map, canvas.width, canvas.height);
  }

  destroy() {
    this.#firstView?.stop();
    this.#input.destroy();
    this.measure.destroy();
    if (window.__izAtlasMap === this.#map) delete window.__izAtlasMap;
    this.#map.remove();
  }
}

/**
 * The investor's measuring tools on the map: a distance along clicked points, the area of a
 * clicked polygon, and a circle of N km around a clicked point ("everything within N km of
 * here"). All distances are straight-line (geodesic) distances. The geometry is computed by the
 * pure functions at the top; MeasureTools is the imperative part the map controller owns. It
 * listens to the map's clicks itself; the controller ignores clicks while a tool is active. From
 * the keyboard, Space on the focused map (or the panel's button) adds a point at its centre.
 */
import { area, circle, length } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { FIND_SOURCES } from './style/find-land-layers.ts';

export const MEASURE_MODES = ['distance', 'area', 'radius'] as const;
export type MeasureMode = (typeof MEASURE_MODES)[number];

export type MeasureState = {
  mode: MeasureMode | null;
  /** Clicked vertices (distance, area) or the circle's centre (radius), lon/lat. */
  vertices: [number, number][];
  /** A distance or area finished by double-click or Enter. */
  done: boolean;
  radiusKm: number;
  /** Length of the line (distance) or the perimeter (area), km. */
  km: number | null;
  /** Area of the polygon (area) or the circle (radius), ha. */
  ha: number | null;
  /** The circle (radius mode), for listing what lies inside it. */
  circle: Feature<GeoJSON.Polygon> | null;
};

export const DEFAULT_RADIUS_KM = 5;
export const IDLE_MEASURE: MeasureState = { mode: null, vertices: [], done: false, radiusKm: DEFAULT_RADIUS_KM, km: null, ha: null, circle: null };

const pointFeature = (c: [number, number]): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } });

/** The figures and the drawing for a measuring state. Pure, for the unit tests. */
export function measureGeometry(s: Pick<MeasureState, 'mode' | 'vertices' | 'radiusKm'>): {
  km: number | null;
  ha: number | null;
  circle: Feature<GeoJSON.Polygon> | null;
  drawing: FeatureCollection;
} {
  const features: Feature[] = s.vertices.map(pointFeature);
  let km: number | null = null;
  let ha: number | null = null;
  let disc: Feature<GeoJSON.Polygon> | null = null;
  if (s.mode === 'distance' && s.vertices.length >= 2) {
    const line: Feature<GeoJSON.LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: s.vertices } };
    km = length(line, { units: 'kilometers' });
    features.push(line);
  } else if (s.mode === 'area' && s.vertices.length >= 2) {
    if (s.vertices.length >= 3) {
      const ring = [...s.vertices, s.vertices[0]!];
      const poly: Feature<GeoJSON.Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
      ha = area(poly) / 10_000;
      km = length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } }, { units: 'kilometers' });
      features.push(poly);
    } else {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: s.vertices } });
    }
  } else if (s.mode === 'radius' && s.vertices[0] && s.radiusKm > 0) {
    disc = circle(s.vertices[0], s.radiusKm, { units: 'kilometers', steps: 96 });
    ha = area(disc) / 10_000;
    features.push(disc);
  }
  return { km, ha, circle: disc, drawing: { type: 'FeatureCollection', features } };
}

/** Two clicks closer than this many pixels are one vertex (a double-click sends two clicks). */
const SAME_VERTEX_PX = 4;

export class MeasureTools {
  private s: MeasureState = IDLE_MEASURE;
  private listeners = new Set<(s: MeasureState) => void>();
  private readonly onKey = (e: KeyboardEvent) => this.onKeyDown(e);
  private readonly onClick = (e: MapMouseEvent) => this.click(e);
  private readonly onDblClick = (e: MapMouseEvent) => {
    if (!this.s.mode || this.s.mode === 'radius') return;
    e.preventDefault();
    this.finish();
  };

  constructor(private readonly map: MlMap) {
    map.on('click', this.onClick);
    map.on('dblclick', this.onDblClick);
    window.addEventListener('keydown', this.onKey);
  }

  get active(): boolean {
    return this.s.mode !== null;
  }

  get state(): MeasureState {
    return this.s;
  }

  /** Calls fn with every new state; returns the unsubscribe function. */
  subscribe(fn: (s: MeasureState) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Starts a tool from an empty drawing (or stops, with null). */
  start(mode: MeasureMode | null) {
    if (mode) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = mode ? 'crosshair' : '';
    this.update({ ...IDLE_MEASURE, mode, radiusKm: this.s.radiusKm });
  }

  setRadius(km: number) {
    if (!(km > 0)) return;
    this.update({ ...this.s, radiusKm: km });
  }

  /** Ends a distance or area drawing; the figure stays on screen until the next click. */
  finish() {
    if (this.s.mode && this.s.mode !== 'radius' && this.s.vertices.length >= 2) this.update({ ...this.s, done: true });
  }

  /** Adds a vertex (or places the circle's centre) where the map's centre is: measuring from the keyboard. */
  addAtCentre() {
    const c = this.map.getCenter().toArray() as [number, number];
    this.add(c, this.map.project(c));
  }

  private click(e: MapMouseEvent) {
    this.add(e.lngLat.toArray() as [number, number], e.point);
  }

  private add(v: [number, number], point: { x: number; y: number }) {
    const { mode } = this.s;
    if (!mode) return;
    if (mode === 'radius') {
      this.update({ ...this.s, vertices: [v] });
      return;
    }
    const base = this.s.done ? [] : this.s.vertices;
    const last = base.at(-1);
    if (last) {
      const a = this.map.project(last);
      if (Math.hypot(a.x - point.x, a.y - point.y) < SAME_VERTEX_PX) return;
    }
    this.update({ ...this.s, done: false, vertices: [...base, v] });
  }

  private onKeyDown(e: KeyboardEvent) {
    if (!this.s.mode) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    // Enter on a button presses that button ("add point", a tool), it does not also end the drawing.
    const onButton = !!target && ['BUTTON', 'A'].includes(target.tagName);
    if (e.key === 'Escape') this.start(null);
    else if (e.key === 'Enter' && !onButton) this.finish();
    else if (e.key === ' ' && target === this.map.getCanvas()) {
      // Space on the focused map adds a point at the crosshair (the arrow keys move the map under it).
      e.preventDefault();
      this.addAtCentre();
    }
    else if ((e.key === 'Backspace' || e.key === 'Delete') && !this.s.done && this.s.vertices.length) this.update({ ...this.s, vertices: this.s.vertices.slice(0, -1) });
  }

  private update(next: MeasureState) {
    const g = measureGeometry(next);
    this.s = { ...next, km: g.km, ha: g.ha, circle: g.circle };
    const src = this.map.getSource(FIND_SOURCES.measure) as GeoJSONSource | undefined;
    src?.setData(g.drawing);
    for (const fn of this.listeners) fn(this.s);
  }

  destroy() {
    window.removeEventListener('keydown', this.onKey);
    this.map.off('click', this.onClick);
    this.map.off('dblclick', this.onDblClick);
    this.listeners.clear();
  }
}

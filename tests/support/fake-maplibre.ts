/**
 * A stand-in for maplibre-gl in Node: a Map that keeps the style it was given (layers with their
 * paint, layout and filter, sources, feature-state) and records nothing it cannot hold. Enough to
 * run the map controller without WebGL and read back what it told the map to draw.
 * Use with `vi.mock('maplibre-gl', () => import('../support/fake-maplibre.ts'))`.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

type Layer = LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown };
type Handler = (e: unknown) => void;

/** Every map made, newest last, so a test can reach the one a controller made. */
export const made: FakeMap[] = [];

export class FakeMap {
  layers: Layer[] = [];
  sources = new Map<string, { type: string; data?: unknown; setData(d: unknown): void; updateData(d: unknown): void }>();
  states = new Map<string, Record<string, unknown>>();
  private handlers = new Map<string, Set<Handler>>();
  private once_ = new Map<string, Set<Handler>>();
  private container: { clientWidth: number; clientHeight: number; parentElement: null; querySelectorAll: () => never[] };
  private canvas = {
    style: {} as Record<string, string>,
    width: 800,
    height: 600,
    clientWidth: 800,
    clientHeight: 600,
    attributes: {} as Record<string, string>,
    // The map names its canvas in the reader's language (client/map/map-ui-words.ts).
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    },
  };
  doubleClickZoom = { enable() {}, disable() {} };
  camera = { center: { lng: 105.8, lat: 22.2 }, zoom: 9, bearing: 0, pitch: 0 };

  constructor(opts: { container: unknown; style: StyleSpecification }) {
    this.container = { clientWidth: 800, clientHeight: 600, parentElement: null, querySelectorAll: () => [] };
    for (const [id, s] of Object.entries(opts.style.sources)) this.addSource(id, s as { type: string });
    this.layers = opts.style.layers.map((l) => structuredClone(l) as Layer);
    made.push(this);
  }

  /** Fires the style's load events, as MapLibre does once the style is parsed and drawn. */
  loadStyle() {
    this.fire('style.load', {});
    this.fire('load', {});
  }

  fire(type: string, e: unknown) {
    for (const h of [...(this.handlers.get(type) ?? [])]) h(e);
    const once = this.once_.get(type);
    this.once_.delete(type);
    for (const h of once ?? []) h(e);
  }

  on(type: string, fn: Handler) {
    (this.handlers.get(type) ?? this.handlers.set(type, new Set()).get(type)!).add(fn);
    return this;
  }
  once(type: string, fn: Handler) {
    (this.once_.get(type) ?? this.once_.set(type, new Set()).get(type)!).add(fn);
    return this;
  }
  off(type: string, fn: Handler) {
    this.handlers.get(type)?.delete(fn);
    this.once_.get(type)?.delete(fn);
    return this;
  }

  addControl() {
    return this;
  }
  removeControl() {
    return this;
  }
  getCanvas() {
    return this.canvas;
  }
  getContainer() {
    return this.container;
  }
  hasImage() {
    return true;
  }
  addImage() {}
  remove() {}
  resize() {}
  triggerRepaint() {}
  loaded() {
    return true;
  }
  isMoving() {
    return false;
  }
  setPixelRatio() {}
  getPixelRatio() {
    return 1;
  }

  getCenter() {
    return this.camera.center;
  }
  getZoom() {
    return this.camera.zoom;
  }
  getBearing() {
    return this.camera.bearing;
  }
  getPitch() {
    return this.camera.pitch;
  }
  jumpTo(c: { center?: { lng: number; lat: number }; zoom?: number; bearing?: number; pitch?: number }) {
    Object.assign(this.camera, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
    this.fire('move', {});
  }
  setBearing(b: number) {
    this.camera.bearing = b;
  }
  fitBounds() {}
  easeTo() {}
  project() {
    return { x: 0, y: 0 };
  }
  queryRenderedFeatures() {
    return [];
  }

  getStyle() {
    return { layers: this.layers };
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id);
  }
  private layer(id: string): Layer {
    const l = this.getLayer(id);
    if (!l) throw new Error(`no layer ${id}`);
    return l;
  }
  addLayer(l: LayerSpecification, before?: string) {
    if (this.getLayer(l.id)) throw new Error(`layer ${l.id} exists`);
    const i = before ? this.layers.findIndex((x) => x.id === before) : -1;
    const copy = structuredClone(l) as Layer;
    if (i < 0) this.layers.push(copy);
    else this.layers.splice(i, 0, copy);
  }
  removeLayer(id: string) {
    this.layers = this.layers.filter((l) => l.id !== id);
  }
  setPaintProperty(id: string, name: string, value: unknown) {
    const l = this.layer(id);
    l.paint = { ...l.paint, [name]: structuredClone(value) };
  }
  getPaintProperty(id: string, name: string) {
    return this.layer(id).paint?.[name];
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    const l = this.layer(id);
    l.layout = { ...l.layout, [name]: structuredClone(value) };
  }
  getLayoutProperty(id: string, name: string) {
    return this.layer(id).layout?.[name];
  }
  setFilter(id: string, filter: unknown) {
    const l = this.layer(id);
    if (filter === null || filter === undefined) delete l.filter;
    else l.filter = structuredClone(filter);
  }
  getFilter(id: string) {
    return this.layer(id).filter;
  }

  addSource(id: string, spec: { type: string; data?: unknown }) {
    const source = {
      type: spec.type,
      data: spec.data,
      setData(d: unknown) {
        source.data = d;
      },
      updateData(d: unknown) {
        source.data = d;
      },
    };
    this.sources.set(id, source);
  }
  getSource(id: string) {
    return this.sources.get(id);
  }
  removeSource(id: string) {
    this.sources.delete(id);
  }

  private key(t: { source: string; sourceLayer?: string; id?: string | number }) {
    const s = this.sources.get(t.source);
    if (s?.type === 'vector' && !t.sourceLayer) throw new Error('The sourceLayer parameter must be provided for vector source types.');
    return `${t.source}|${t.sourceLayer ?? ''}|${t.id}`;
  }
  setFeatureState(t: { source: string; sourceLayer?: string; id: string | number }, state: Record<string, unknown>) {
    const k = this.key(t);
    this.states.set(k, { ...this.states.get(k), ...state });
  }
  getFeatureState(t: { source: string; sourceLayer?: string; id: string | number }) {
    return this.states.get(this.key(t)) ?? {};
  }
  removeFeatureState(t: { source: string; sourceLayer?: string; id?: string | number }, key?: string) {
    const prefix = `${t.source}|${t.sourceLayer ?? ''}|`;
    for (const k of [...this.states.keys()]) {
      if (!k.startsWith(prefix) || (t.id !== undefined && k !== `${prefix}${t.id}`)) continue;
      if (key) {
        const { [key]: _gone, ...rest } = this.states.get(k)!;
        this.states.set(k, rest);
      } else this.states.delete(k);
    }
  }
}

export { FakeMap as Map };
export class NavigationControl {}
export class ScaleControl {}
export class AttributionControl {
  constructor(readonly options: unknown) {}
}
export function setWorkerUrl() {}
export function prewarm() {}

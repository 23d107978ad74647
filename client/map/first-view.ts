/**
 * The first view, when the link names none: former Bắc Kạn and every zone framed clear of everything drawn over the
 * map (the figures card, the legend, the timeline bar, panels, and the map's own zoom buttons,
 * scale and attribution). Those overlays appear and change size after the map is made (the
 * figures card waits for its data, a legend folds), so the frame is taken again whenever one
 * does, until the reader moves the map or the camera is sent elsewhere.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { overlayPadding, PROVINCE_BOUNDS, roomyPadding, zonesBounds, type Padding } from './map-camera.ts';

/** The map's own controls, over its corners, counted as overlays for the first view. */
const MAP_CONTROLS = '.maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right';
/** Room around each zone for its bubble (the largest is 26 px across its centre) and, below, its two-line name. */
const BUBBLE_ROOM = 30;
const NAME_ROOM = 40;
/** Below the cluster zoom, so the first view shows bubbles with their names. */
const MAX_ZOOM = 10;

export class FirstView {
  readonly #map: MlMap;
  #zones: readonly ZoneApiFeature[] = [];
  /** The camera this class last left: any other (a drag, a zoom button, a link, a search) ends the first view. */
  #left: { lng: number; lat: number; zoom: number };
  #done = false;
  readonly #resized: ResizeObserver;
  readonly #added: MutationObserver;
  readonly #watched = new Set<Element>();

  constructor(map: MlMap) {
    this.#map = map;
    const host = map.getContainer().parentElement ?? map.getContainer();
    this.#resized = new ResizeObserver(() => this.#frame());
    this.#added = new MutationObserver(() => this.#watch(host));
    this.#added.observe(host, { childList: true, subtree: true });
    this.#watch(host);
    this.#left = this.#camera();
  }

  /** The zones to frame; the first call frames them. */
  setZones(zones: readonly ZoneApiFeature[]) {
    this.#zones = zones;
    this.#frame();
  }

  stop() {
    if (this.#done) return;
    this.#done = true;
    this.#resized.disconnect();
    this.#added.disconnect();
  }

  // Compared rather than told by events: a resize of the map fires the same move events as a drag.
  #camera() {
    const c = this.#map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: this.#map.getZoom() };
  }

  #moved() {
    const now = this.#camera();
    return Math.abs(now.lng - this.#left.lng) > 1e-9 || Math.abs(now.lat - this.#left.lat) > 1e-9 || Math.abs(now.zoom - this.#left.zoom) > 1e-9;
  }

  #watch(host: Element) {
    for (const el of host.querySelectorAll(`.panel, .legend, .stats, .timeline-bar, ${MAP_CONTROLS}`)) {
      if (this.#watched.has(el)) continue;
      this.#watched.add(el);
      // Observing reports the element's size once at once: an overlay that appears is framed around.
      this.#resized.observe(el);
    }
  }

  #padding(): Padding {
    const container = this.#map.getContainer();
    const over = overlayPadding(container, BUBBLE_ROOM);
    const controls = [...container.querySelectorAll(MAP_CONTROLS)].map((el) => el.getBoundingClientRect());
    const box = container.getBoundingClientRect();
    // The controls sit in the corners: each takes the top or bottom band it covers, which costs less than a side.
    for (const c of controls) {
      if (c.width === 0 || c.height === 0) continue;
      if (c.top - box.top < box.height / 2) over.top = Math.max(over.top, c.bottom - box.top + BUBBLE_ROOM);
      else over.bottom = Math.max(over.bottom, box.bottom - c.top + BUBBLE_ROOM);
    }
    over.bottom += NAME_ROOM;
    return roomyPadding(container, over, 0.8);
  }

  #frame() {
    if (this.#done) return;
    if (this.#moved()) return this.stop();
    if (!this.#zones.length) return;
    // The former province whole, for the context its neighbours' names give, and every zone in it.
    const [w, s, e, n] = zonesBounds(this.#zones);
    const [pw, ps, pe, pn] = PROVINCE_BOUNDS;
    this.#map.fitBounds([Math.min(w, pw), Math.min(s, ps), Math.max(e, pe), Math.max(n, pn)], { padding: this.#padding(), maxZoom: MAX_ZOOM, animate: false });
    this.#left = this.#camera();
  }
}

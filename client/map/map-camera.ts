/**
 * Camera moves, a part of the map controller: to a zone, to any feature beside open panels, to a
 * tour stop or a brief page, and two maps that follow each other (before/after).
 */
import { bbox } from '@turf/turf';
import type { Map as MlMap } from 'maplibre-gl';
import type { ZoneApiFeature } from '../../geodata/api.ts';

/** Extent of the former Bắc Kạn province (QĐ 1288/QĐ-TTg): 21°48′–22°44′ N, 105°26′–106°15′ E. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [105.433, 21.8, 106.25, 22.733];

export type Frame = { bounds: [number, number, number, number]; maxZoom: number };
/** Room to leave free on each side, in CSS pixels. */
export type Padding = { top: number; right: number; bottom: number; left: number };
/** Where the camera is, for a picture's scale bar and north arrow. */
export type Camera = { lat: number; lon: number; zoom: number; bearing: number };

/**
 * Padding that keeps a framed area of a map of `size` clear of every overlay drawn over it (boxes in
 * CSS pixels from the map's top left): coverPadding's rule, for the screen's leaders' views and for
 * the furniture drawn into the PNG and PDF pictures; at least a third of each dimension stays free,
 * since MapLibre refuses padding that leaves no room.
 */
export function paddingFor(size: { width: number; height: number }, overlays: readonly Box[], margin = 16): Padding {
  const pad = coverPadding({ left: 0, top: 0, right: size.width, bottom: size.height }, overlays, margin);
  const k = Math.min(1, (size.width * 0.66) / Math.max(1, pad.left + pad.right), (size.height * 0.66) / Math.max(1, pad.top + pad.bottom));
  return { top: pad.top * k, right: pad.right * k, bottom: pad.bottom * k, left: pad.left * k };
}

/** The boxes of on-screen elements over a map container, for paddingFor; hidden ones (no size) are left out. */
export function boxesOver(container: HTMLElement, elements: readonly (Element | null | undefined)[]): Box[] {
  const c = container.getBoundingClientRect();
  return elements.flatMap((el) => {
    const r = el?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height === 0) return [];
    return [{ left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top }];
  });
}

/** The bounds of every zone (the province's extent where there is none): what a province view must show whole. */
export function zonesBounds(zones: readonly ZoneApiFeature[]): [number, number, number, number] {
  if (!zones.length) return PROVINCE_BOUNDS;
  return bbox({ type: 'FeatureCollection', features: zones as ZoneApiFeature[] }) as [number, number, number, number];
}

const intersects = (a: readonly number[], b: readonly number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * What a map picture frames: the selected zone; else every zone the screen shows, even in part,
 * whole (so a zone half under the screen's edge or overlays is in the picture entirely); else the
 * screen's own view. The picture's camera pads this for its furniture.
 */
export function pictureFrame(zones: readonly ZoneApiFeature[], view: [number, number, number, number], selected: string | null): Frame {
  if (selected && zones.some((z) => z.id === selected)) return frameFor(selected, zones);
  const seen = zones.filter((z) => intersects(bbox(z), view));
  if (!seen.length) return { bounds: view, maxZoom: 17 };
  return { bounds: zonesBounds(seen), maxZoom: seen.length === 1 ? 15 : 13 };
}

/**
 * Moves the camera only if an overlay covers part of a zone on screen: then every zone in view is
 * framed whole inside the padded area (never zooming in further than now), or, with `zoomOut`
 * false, centred in it at the same zoom if they fit there. A view whose zones are all clear is left as it is.
 */
export function keepZonesClear(map: MlMap, zones: readonly ZoneApiFeature[], padding: Padding, duration = 0, zoomOut = true) {
  const b = map.getBounds();
  const view: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  const seen = zones.filter((z) => intersects(bbox(z), view));
  if (!seen.length) return;
  const { clientWidth: W, clientHeight: H } = map.getContainer();
  const [w, s, e, n] = zonesBounds(seen);
  const nw = map.project([w, n]);
  const se = map.project([e, s]);
  const clear = nw.x >= padding.left && nw.y >= padding.top && se.x <= W - padding.right && se.y <= H - padding.bottom;
  if (clear) return;
  if (zoomOut) {
    map.fitBounds([w, s, e, n], { padding, maxZoom: Math.max(map.getZoom(), 6), duration, animate: duration > 0 });
    return;
  }
  // Moved only, and only when the zones fit the free area at the reader's zoom: zoomed in closer
  // than the zones, the reader is looking at one of them, and moving to their middle would lose it.
  const to = map.cameraForBounds([w, s, e, n], { padding, maxZoom: map.getZoom() });
  if (!to?.center || (to.zoom ?? 0) < map.getZoom() - 1e-6) return;
  map.easeTo({ center: to.center, zoom: map.getZoom(), duration, animate: duration > 0 });
}

/** What a stop shows: the whole province, or one zone with some land around it. */
export function frameFor(target: string, zones: readonly ZoneApiFeature[]): Frame {
  const zone = target === 'province' ? undefined : zones.find((z) => z.id === target);
  if (!zone) return { bounds: PROVINCE_BOUNDS, maxZoom: 12 };
  return { bounds: bbox(zone) as [number, number, number, number], maxZoom: 15 };
}

/** Flies (or jumps, with duration 0) to a frame, leaving `padding` free for captions. */
export function goTo(map: MlMap, frame: Frame, padding: Padding, duration: number) {
  const [w, s, e, n] = frame.bounds;
  map.fitBounds([w, s, e, n], { padding, maxZoom: frame.maxZoom, duration, animate: duration > 0, essential: true });
}

/** Fits the camera to any feature (a plot from the results, say), leaving room for open panels. */
export function fitFeature(map: MlMap, feature: GeoJSON.Feature | GeoJSON.FeatureCollection, padding: Padding) {
  const [w, s, e, n] = bbox(feature) as [number, number, number, number];
  map.fitBounds([w, s, e, n], { padding: roomyPadding(map.getContainer(), padding), maxZoom: 17, duration: 600 });
}

export function cameraOf(map: MlMap): Camera {
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, zoom: map.getZoom(), bearing: map.getBearing() };
}

/** Each map follows the other's camera; a flag stops the echo. Returns the undo. */
export function followEachOther(a: MlMap, b: MlMap): () => void {
  let syncing = false;
  const follow = (from: MlMap, to: MlMap) => () => {
    if (syncing) return;
    syncing = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    syncing = false;
  };
  const ab = follow(a, b);
  const ba = follow(b, a);
  a.on('move', ab);
  b.on('move', ba);
  return () => {
    a.off('move', ab);
    b.off('move', ba);
  };
}

/** A screen rectangle, in CSS pixels (a DOMRect will do). */
export type Box = { left: number; top: number; right: number; bottom: number };

/**
 * Room the camera must leave so that nothing drawn over the map covers what it frames. Each
 * overlay is pushed to the side where it costs the smallest share of the map: a bottom sheet takes
 * the bottom, a side panel its side, a corner legend whichever of its two edges costs less. Overlays that do not
 * reach the map are ignored; `margin` is added on every side.
 */
export function coverPadding(map: Box, overlays: readonly Box[], margin = 20): Padding {
  const pad = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const o of overlays) {
    if (o.right <= map.left || o.left >= map.right || o.bottom <= map.top || o.top >= map.bottom) continue;
    const h = Math.max(1, map.bottom - map.top);
    const w = Math.max(1, map.right - map.left);
    // [side, pixels given up, share of the map given up]
    const sides: [keyof Padding, number, number][] = [
      ['top', o.bottom - map.top, (o.bottom - map.top) / h],
      ['bottom', map.bottom - o.top, (map.bottom - o.top) / h],
      ['left', o.right - map.left, (o.right - map.left) / w],
      ['right', map.right - o.left, (map.right - o.left) / w],
    ];
    const [side, size] = sides.reduce((a, b) => (b[2] < a[2] ? b : a));
    pad[side] = Math.max(pad[side], size);
  }
  return { top: pad.top + margin, right: pad.right + margin, bottom: pad.bottom + margin, left: pad.left + margin };
}

/** What is drawn over the map: panels and sheets, the legend, the figures card, the timeline bar. */
const OVERLAYS = '.panel, .legend, .stats, .timeline-bar';

/** coverPadding for the overlays shown over this map's container right now (none off screen). */
export function overlayPadding(container: HTMLElement, margin = 20): Padding {
  const host = container.parentElement;
  const boxes = host
    ? [...host.querySelectorAll(OVERLAYS)].filter((el) => el !== container && (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect())
    : [];
  return coverPadding(container.getBoundingClientRect(), boxes, margin);
}

/**
 * MapLibre refuses padding that leaves no room: scaled down so that at least 1 − `share` of each
 * dimension stays free for what is framed.
 */
export function roomyPadding(container: HTMLElement, padding: Padding, share = 0.66): Padding {
  const { clientWidth: cw, clientHeight: ch } = container;
  const scale = Math.min(1, (cw * share) / Math.max(1, padding.left + padding.right), (ch * share) / Math.max(1, padding.top + padding.bottom));
  return { top: padding.top * scale, right: padding.right * scale, bottom: padding.bottom * scale, left: padding.left * scale };
}

/**
 * Keeps a zone in the part of the map nothing covers: does nothing when it already is; else pans
 * to it, zooming out only as far as it needs to fit (never in: a tap must not lose the context).
 */
export function keepInView(map: MlMap, feature: GeoJSON.Feature, overlays: Padding) {
  // A phone's sheet and figures card leave a narrow band: use all of it, only never none.
  const padding = roomyPadding(map.getContainer(), overlays, 0.88);
  const [w, s, e, n] = bbox(feature) as [number, number, number, number];
  const box = map.getContainer().getBoundingClientRect();
  const a = map.project([w, n]);
  const b = map.project([e, s]);
  const free = { left: padding.left, top: padding.top, right: box.width - padding.right, bottom: box.height - padding.bottom };
  if (a.x >= free.left && a.y >= free.top && b.x <= free.right && b.y <= free.bottom) return;
  map.fitBounds([w, s, e, n], { padding, maxZoom: map.getZoom(), duration: 500 });
}

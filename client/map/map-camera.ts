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
  const { clientWidth: cw, clientHeight: ch } = map.getContainer();
  // MapLibre refuses padding that leaves no room; keep at least a third of each side free.
  const scale = Math.min(1, (cw * 0.66) / Math.max(1, padding.left + padding.right), (ch * 0.66) / Math.max(1, padding.top + padding.bottom));
  const pad = { top: padding.top * scale, right: padding.right * scale, bottom: padding.bottom * scale, left: padding.left * scale };
  map.fitBounds([w, s, e, n], { padding: pad, maxZoom: 17, duration: 600 });
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

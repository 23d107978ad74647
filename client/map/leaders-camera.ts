/** Camera moves of the leaders' views: a tour stop, a brief page. */
import { bbox } from '@turf/turf';
import type { Map as MlMap, PaddingOptions } from 'maplibre-gl';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { PROVINCE_BOUNDS } from './map-controller.ts';

export type Frame = { bounds: [number, number, number, number]; maxZoom: number };

/** What a stop shows: the whole province, or one zone with some land around it. */
export function frameFor(target: string, zones: readonly ZoneApiFeature[]): Frame {
  const zone = target === 'province' ? undefined : zones.find((z) => z.id === target);
  if (!zone) return { bounds: PROVINCE_BOUNDS, maxZoom: 12 };
  return { bounds: bbox(zone) as [number, number, number, number], maxZoom: 15 };
}

/** Flies (or jumps, with duration 0) to a frame, leaving `padding` free for captions. */
export function goTo(map: MlMap, frame: Frame, padding: PaddingOptions, duration: number) {
  const [w, s, e, n] = frame.bounds;
  map.fitBounds([w, s, e, n], { padding, maxZoom: frame.maxZoom, duration, animate: duration > 0, essential: true });
}

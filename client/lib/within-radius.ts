/**
 * "Everything within N km of here": the zones and plots a circle touches, nearest first. Pure, so
 * the unit tests and the measuring panel agree.
 */
import { booleanIntersects, centroid, distance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';

export type Within<T> = { feature: T; /** Straight-line km from the centre to the feature's centre. */ km: number };

export function withinCircle(
  center: [number, number],
  circle: Feature<Polygon>,
  zones: ZoneApiFeature[],
  plots: PlotApiFeature[],
): { zones: Within<ZoneApiFeature>[]; plots: Within<PlotApiFeature>[] } {
  const near = <T extends ZoneApiFeature | PlotApiFeature>(list: T[]): Within<T>[] =>
    list
      .filter((f) => booleanIntersects(circle, f))
      .map((f) => ({ feature: f, km: Math.round(distance(center, centroid(f), { units: 'kilometers' }) * 10) / 10 }))
      .sort((a, b) => a.km - b.km || a.feature.id.localeCompare(b.feature.id));
  return { zones: near(zones), plots: near(plots) };
}

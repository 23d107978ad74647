import type { ExpressionSpecification } from 'maplibre-gl';
import type { Ramp } from './symbology.ts';

/** A step expression over a numeric property, with the ramp's no-data colour for null. */
export function stepColor(property: string, ramp: Ramp): ExpressionSpecification {
  const stops: (number | string)[] = [];
  ramp.breaks.slice(1).forEach((b, i) => {
    stops.push(b, ramp.colors[i + 1]!);
  });
  return [
    'case',
    ['==', ['typeof', ['get', property]], 'number'],
    ['step', ['get', property], ramp.colors[0]!, ...stops],
    ramp.noData,
  ] as ExpressionSpecification;
}

/** A match expression from a record of category → colour. */
export function matchColor(property: string, colors: Record<string, string>, fallback: string): ExpressionSpecification {
  return ['match', ['get', property], ...Object.entries(colors).flat(), fallback] as unknown as ExpressionSpecification;
}

import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle, modeColor } from '../../client/map/style/layers.ts';
import { OCCUPANCY_RAMP, PROGRESS_RAMP, rampColor } from '../../client/map/style/symbology.ts';
import { COLOUR_MODES } from '../../client/lib/hash-state.ts';

/** Evaluates a colour expression the way MapLibre does, for one feature. */
function evalColor(expr: unknown, properties: Record<string, unknown>): string {
  const parsed = createExpression(expr, 'fill-color', { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const c = parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never) as { r: number; g: number; b: number };
  const hex = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

describe('the map style', () => {
  it.each(COLOUR_MODES)('is a valid MapLibre style in %s mode, in both languages', (mode) => {
    for (const lang of ['vi', 'en'] as const) {
      expect(validateStyleMin(buildStyle({ base: 'http://localhost/', mode, lang, noData: 'no data' }))).toEqual([]);
    }
  });

  it('uses bundled fonts, not a glyphs server', () => {
    const style = buildStyle({ base: 'http://localhost/', mode: 'occupancy', lang: 'vi', noData: '-' });
    expect(style.glyphs).toBeUndefined();
    const faces = Object.values(style['font-faces'] ?? {}).flat() as { url: string; 'unicode-range'?: string[] }[];
    expect(faces.some((f) => f['unicode-range']?.includes('U+1EA0-1EF9'))).toBe(true); // ạ…ỹ
    for (const f of faces) expect(f.url).toMatch(/^http:\/\/localhost\//);
  });
});

describe('colour ramps: the map expression and the legend agree', () => {
  it.each([
    ['occupancy', OCCUPANCY_RAMP, 'occupancyPct'],
    ['progress', PROGRESS_RAMP, 'progressPct'],
  ] as const)('%s', (mode, ramp, prop) => {
    for (const v of [0, 5, 19.9, 20, 39, 40, 59.99, 60, 79, 80, 99.5, 100]) {
      expect(evalColor(modeColor(mode), { [prop]: v })).toBe(rampColor(ramp, v));
    }
    expect(evalColor(modeColor(mode), { [prop]: null })).toBe(ramp.noData);
    expect(evalColor(modeColor(mode), {})).toBe(ramp.noData);
  });

  it('uses a different ramp for progress than for occupancy, so switching is visible', () => {
    expect(rampColor(OCCUPANCY_RAMP, 100)).not.toBe(rampColor(PROGRESS_RAMP, 100));
  });
});

/**
 * What keeps the first view fast: the style starts with the look already in it (a layout or filter
 * written after load makes MapLibre reload that source's tiles), and the boundary tiles are held
 * back until the zones are drawn, then added with every layer at its place in the style's order.
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { addSource, withoutSource } from '../../client/map/deferred-source.ts';
import { applyLook, INITIAL_LOOK, lookOf, styleWithLook } from '../../client/map/map-look.ts';
import { ADMIN_LAYER_IDS } from '../../client/map/style/admin-layers.ts';
import { LAYERS, SOURCES } from '../../client/map/style/ids.ts';
import { buildStyle } from '../../client/map/style/layers.ts';

const opts = { base: 'http://127.0.0.1/', mode: 'occupancy', lang: 'en', noData: '–' } as const;
const look = lookOf({ ...INITIAL_LOOK, mode: opts.mode, lang: opts.lang, noData: opts.noData });

/** A map that keeps its layers as the style says and records what the look writer changes. */
function fakeMap(style: StyleSpecification) {
  const layers = style.layers.map((l) => structuredClone(l)) as (LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown> })[];
  const writes: string[] = [];
  const get = (id: string) => layers.find((l) => l.id === id);
  const sources: Record<string, unknown> = { ...style.sources };
  return {
    layers,
    writes,
    getLayer: get,
    getSource: (id: string) => sources[id],
    addSource: (id: string, spec: unknown) => {
      sources[id] = spec;
    },
    addLayer: (layer: LayerSpecification, before?: string) => {
      const at = before ? layers.findIndex((l) => l.id === before) : layers.length;
      layers.splice(at, 0, structuredClone(layer));
    },
    setPaintProperty: (id: string, name: string, value: unknown) => {
      if (JSON.stringify(get(id)?.paint?.[name]) !== JSON.stringify(value)) writes.push(`${id}.${name}`);
    },
    setLayoutProperty: (id: string, name: string, value: unknown) => {
      if (JSON.stringify(get(id)?.layout?.[name]) !== JSON.stringify(value)) writes.push(`${id}.${name}`);
    },
    setFilter: (id: string, filter: unknown) => {
      if (JSON.stringify((get(id) as { filter?: unknown })?.filter ?? null) !== JSON.stringify(filter)) writes.push(`${id}.filter`);
    },
  };
}

describe('the first view’s style', () => {
  it('already holds the look, so the first restyle changes nothing on the map', () => {
    const map = fakeMap(styleWithLook(buildStyle(opts), look));
    applyLook(map, null, look);
    expect(map.writes).toEqual([]);
    // Without it the first restyle rewrote layouts (visibility of the bubbles, the boundaries…), each reloading its source.
    const bare = fakeMap(buildStyle(opts));
    applyLook(bare, null, look);
    expect(bare.writes).toContain(`${LAYERS.clusters}.visibility`);
  });

  it('leaves the boundaries out, then adds them back in the style’s order', () => {
    const whole = styleWithLook(buildStyle(opts), look);
    const first = withoutSource(whole, SOURCES.admin);
    expect(Object.keys(first.sources)).not.toContain(SOURCES.admin);
    expect(first.layers.some((l) => 'source' in l && l.source === SOURCES.admin)).toBe(false);
    expect(first.layers.map((l) => l.id)).toContain(LAYERS.clusters);

    const map = fakeMap(first);
    addSource(map as never, whole, SOURCES.admin);
    expect(map.layers.map((l) => l.id)).toEqual(whole.layers.map((l) => l.id));
    expect(map.getLayer(ADMIN_LAYER_IDS.provinceLabels)?.layout?.['text-field']).toEqual(['get', 'nameEn']);
  });
});

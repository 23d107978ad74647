/**
 * An online basemap is drawn under everything: the offline basemap's opaque fills and schematic
 * lines give way to it, and nothing else in the look changes (zones, outlines and labels stay).
 */
import { describe, expect, it } from 'vitest';
import { OFFLINE_ONLY_LAYERS } from '../../client/map/basemap-look.ts';
import { INITIAL_LOOK, lookOf } from '../../client/map/map-look.ts';
import { LAYERS } from '../../client/map/style/ids.ts';
import { buildStyle } from '../../client/map/style/layers.ts';

const state = { ...INITIAL_LOOK, mode: 'occupancy', lang: 'vi', noData: '–' } as const;

describe('the look under an online basemap', () => {
  it('hides the offline fills and schematic lines, and only those', () => {
    const offline = lookOf(state);
    const online = lookOf({ ...state, onlineBasemap: true });
    for (const id of [LAYERS.background, LAYERS.provinceFill, LAYERS.roads, LAYERS.river, LAYERS.lake]) {
      expect(offline[id]?.layout?.visibility).toBe('visible');
      expect(online[id]?.layout?.visibility).toBe('none');
    }
    for (const id of [LAYERS.provinceOutline, LAYERS.zonesFill, LAYERS.zonesOutlineKcn, LAYERS.clusters, LAYERS.zoneLabels]) {
      expect(online[id]).toEqual(offline[id]);
      expect(OFFLINE_ONLY_LAYERS as string[]).not.toContain(id);
    }
  });

  it('lets the online basemap show: every opaque area under the zones is one that gives way', () => {
    // A fill or background drawn below the zones hides the imagery unless it is see-through or in
    // OFFLINE_ONLY_LAYERS (client/map/basemap-look.ts): add a new one there.
    const layers = buildStyle({ base: 'http://127.0.0.1/', mode: 'occupancy', lang: 'vi', noData: '–' }).layers;
    const below = layers.slice(0, layers.findIndex((l) => l.id === LAYERS.zonesFill));
    const opacity = (l: (typeof layers)[number]) => (l.paint as Record<string, unknown> | undefined)?.[`${l.type}-opacity`];
    const opaque = below.filter((l) => (l.type === 'fill' || l.type === 'background') && !(typeof opacity(l) === 'number' && (opacity(l) as number) <= 0.5));
    expect(opaque.map((l) => l.id).filter((id) => !(OFFLINE_ONLY_LAYERS as string[]).includes(id))).toEqual([]);
  });
});

/**
 * An online basemap is drawn under everything: the offline basemap's opaque fills and schematic
 * lines give way to it, and nothing else in the look changes (zones, outlines and labels stay).
 */
import { describe, expect, it } from 'vitest';
import { OFFLINE_ONLY_LAYERS } from '../../client/map/basemap-look.ts';
import { INITIAL_LOOK, lookOf } from '../../client/map/map-look.ts';
import { LAYERS } from '../../client/map/style/ids.ts';

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
});

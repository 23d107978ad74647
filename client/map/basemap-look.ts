/**
 * What the offline basemap hides while an online one is drawn: its opaque fills (they would cover
 * the imagery) and the schematic roads, river and lake (the online map has the real ones, and two
 * drawings of one road side by side mislead). Outlines, zones, seats and labels stay on top.
 * A layer added to the offline basemap that paints an opaque area belongs in this list.
 */
import { ADMIN_LAYER_IDS } from './style/admin-layers.ts';
import { LAYERS } from './style/ids.ts';
import type { Look } from './map-look.ts';

export const OFFLINE_ONLY_LAYERS = [LAYERS.background, ADMIN_LAYER_IDS.provincesFill, LAYERS.provinceFill, LAYERS.lake, LAYERS.river, LAYERS.roads, LAYERS.roadLabels];

export function offlineBasemapLook(onlineBasemap: boolean): Look {
  const visibility = onlineBasemap ? 'none' : 'visible';
  return Object.fromEntries(OFFLINE_ONLY_LAYERS.map((id) => [id, { layout: { visibility } }]));
}

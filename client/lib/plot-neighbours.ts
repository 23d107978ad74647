/**
 * The plots of a zone that touch a given plot: what a merge can be asked for, listed so a planner
 * can choose the second plot without the map. The server still judges the merge (one polygon,
 * same terms); this only narrows the list to plots that share some boundary.
 */
import { bbox, booleanIntersects } from '@turf/turf';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { VI_ORDER } from './vi-order.ts';

export function touchingPlots(plot: PlotApiFeature, zonePlots: readonly PlotApiFeature[]): PlotApiFeature[] {
  const [w, s, e, n] = bbox(plot);
  return zonePlots
    .filter((p) => p.id !== plot.id && p.properties.zoneId === plot.properties.zoneId)
    .filter((p) => {
      // The boxes first: most plots of a zone are nowhere near, and the box test is cheap.
      const [pw, ps, pe, pn] = bbox(p);
      return pw <= e && pe >= w && ps <= n && pn >= s && booleanIntersects(plot, p);
    })
    .sort((a, b) => VI_ORDER.compare(a.properties.code, b.properties.code));
}

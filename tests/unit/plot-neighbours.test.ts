/** The merge tool's list: the plots of the same zone that touch the open one, by code. */
import { describe, expect, it } from 'vitest';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { touchingPlots } from '../../client/lib/plot-neighbours.ts';

/** A square plot of 0.001° with its south-west corner at (x, y) thousandths of a degree. */
const square = (id: string, x: number, y: number, zoneId = 'z1') => {
  const [w, s] = [106 + x / 1000, 22 + y / 1000];
  const ring = [[w, s], [w + 0.001, s], [w + 0.001, s + 0.001], [w, s + 0.001], [w, s]];
  return { type: 'Feature', id, properties: { id, code: id.toUpperCase(), zoneId }, geometry: { type: 'Polygon', coordinates: [ring] } } as unknown as PlotApiFeature;
};

describe('touchingPlots', () => {
  const open = square('b', 1, 0);
  const plots = [square('c', 2, 0), square('a', 0, 0), square('far', 5, 5), square('other-zone', 1, 1, 'z2'), open];

  it('lists the plots sharing an edge with the open one, in code order, not itself, not far ones, not another zone', () => {
    expect(touchingPlots(open, plots).map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('lists nothing for a plot alone in its zone', () => {
    expect(touchingPlots(square('far', 5, 5), plots)).toEqual([]);
  });
});

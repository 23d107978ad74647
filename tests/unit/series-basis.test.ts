import { describe, expect, it } from 'vitest';
import { basesOf, splitByBasis } from '../../geodata/series.ts';

type P = { date: string; v: number | null; basis: string | null };
const split = (pts: P[]) => splitByBasis(pts, (p) => p.v, (p) => p.basis).map((r) => ({ basis: r.basis, dates: r.points.map((p) => p.date) }));

describe('splitByBasis: a line never joins two bases', () => {
  it('splits developed-land figures from all-leasable-land figures (100 % in 2023 is not followed by a fall to 74.5 %)', () => {
    expect(
      split([
        { date: '2022', v: 100, basis: 'developed_land' },
        { date: '2023', v: 100, basis: 'developed_land' },
        { date: '2026-01', v: 74.5, basis: 'industrial_land' },
        { date: '2026-12', v: 76, basis: 'industrial_land' },
      ]),
    ).toEqual([
      { basis: 'developed_land', dates: ['2022', '2023'] },
      { basis: 'industrial_land', dates: ['2026-01', '2026-12'] },
    ]);
  });

  it('an unknown value breaks a run (a gap, not a line through it), and a figure whose basis is not stated stands alone', () => {
    expect(
      split([
        { date: '2015', v: 97, basis: null },
        { date: '2021', v: 100, basis: 'developed_land' },
        { date: '2022', v: null, basis: 'developed_land' },
        { date: '2023', v: 100, basis: 'developed_land' },
      ]),
    ).toEqual([
      { basis: 'unstated', dates: ['2015'] },
      { basis: 'developed_land', dates: ['2021'] },
      { basis: 'developed_land', dates: ['2023'] },
    ]);
  });

  it('a basis coming back after another starts a new run; basesOf lists each basis once, in order', () => {
    const runs = splitByBasis(
      [
        { v: 10, b: 'weighted_items' },
        { v: null, b: 'state' },
        { v: 100, b: 'state' },
        { v: 40, b: 'weighted_items' },
      ],
      (p) => p.v,
      (p) => p.b,
    );
    expect(runs.map((r) => [r.basis, r.points.length])).toEqual([
      ['weighted_items', 1],
      ['state', 1],
      ['weighted_items', 1],
    ]);
    expect(basesOf(runs)).toEqual(['weighted_items', 'state']);
  });

  it('nothing known gives no run', () => {
    expect(split([{ date: '2021', v: null, basis: 'industrial_land' }])).toEqual([]);
  });
});

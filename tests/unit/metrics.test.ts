import { describe, expect, it } from 'vitest';
import { summarizeLand, summarizeProgress, type PlotAreaInput } from '../../geodata/metrics.ts';
import type { Infrastructure } from '../../geodata/schema.ts';
import { INFRA_ITEMS, INFRA_WEIGHTS, type InfraItem } from '../../geodata/vocabulary.ts';

const plot = (landUse: PlotAreaInput['landUse'], status: PlotAreaInput['status'], areaHa: number): PlotAreaInput => ({
  landUse,
  status,
  areaHa,
});

describe('summarizeLand', () => {
  it('counts only industrial and service land as leasable', () => {
    const s = summarizeLand([
      plot('industrial', 'leased', 2),
      plot('service', 'available', 1),
      plot('infrastructure', 'leased', 5),
      plot('green', 'available', 3),
    ]);
    expect(s.leasableHa).toBe(3);
    expect(s.leasedHa).toBe(2);
    expect(s.availableHa).toBe(1);
    expect(s.occupancyPct).toBe(66.7);
  });

  it('does not count reserved land as leased', () => {
    const s = summarizeLand([plot('industrial', 'reserved', 1), plot('industrial', 'leased', 1)]);
    expect(s.reservedHa).toBe(1);
    expect(s.leasedHa).toBe(1);
    expect(s.occupancyPct).toBe(50);
  });

  it('gives null occupancy when nothing is leasable', () => {
    expect(summarizeLand([]).occupancyPct).toBeNull();
    const greenOnly = summarizeLand([plot('green', 'reserved', 2), plot('infrastructure', 'reserved', 1)]);
    expect(greenOnly.leasableHa).toBe(0);
    expect(greenOnly.occupancyPct).toBeNull();
    expect(greenOnly.developedOccupancyPct).toBeNull();
  });

  it('leaves not-developed land out of the developed-land basis only', () => {
    const s = summarizeLand([plot('industrial', 'leased', 3), plot('industrial', 'not_developed', 1)]);
    expect(s.notDevelopedHa).toBe(1);
    expect(s.occupancyPct).toBe(75);
    expect(s.developedOccupancyPct).toBe(100);

    const unbuilt = summarizeLand([plot('industrial', 'not_developed', 4), plot('service', 'not_developed', 1)]);
    expect(unbuilt.occupancyPct).toBe(0);
    expect(unbuilt.developedOccupancyPct).toBeNull();
  });
});

const item = (name: InfraItem, progressPct: number | null, asOf: string | null = '2025'): Infrastructure => ({
  item: name,
  progressPct,
  sourceId: progressPct === null ? null : 'src',
  asOf: progressPct === null ? null : asOf,
});

describe('summarizeProgress', () => {
  it('weights items by INFRA_WEIGHTS', () => {
    expect(INFRA_WEIGHTS.levelling).toBe(INFRA_WEIGHTS.internal_roads);
    expect(summarizeProgress([item('levelling', 100), item('internal_roads', 0)]).progressPct).toBe(50);
    // 0.15·100 + 0.10·0 over 0.25
    expect(summarizeProgress([item('site_clearance', 100), item('power', 0)]).progressPct).toBe(60);
  });

  it('leaves unknown items out instead of counting them as zero', () => {
    const s = summarizeProgress(INFRA_ITEMS.map((i) => item(i, i === 'levelling' ? 80 : null)));
    expect(s.progressPct).toBe(80);
    expect(s.coverage).toBe(0.2);
  });

  it('reports full coverage when every item is known, and the earliest as-of date', () => {
    const s = summarizeProgress(INFRA_ITEMS.map((i, n) => item(i, 100, n === 3 ? '2015' : '2023-11')));
    expect(s.progressPct).toBe(100);
    expect(s.coverage).toBe(1);
    expect(s.asOf).toBe('2015');
  });

  it('gives null when no item is known', () => {
    const s = summarizeProgress(INFRA_ITEMS.map((i) => item(i, null)));
    expect(s).toEqual({ progressPct: null, coverage: 0, asOf: null });
    expect(summarizeProgress([]).progressPct).toBeNull();
  });
});

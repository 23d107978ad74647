import { describe, expect, it } from 'vitest';
import {
  aggregateOccupancy,
  summarizeLand,
  summarizeProgress,
  zoneOccupancy,
  type AggregateZoneInput,
  type OccupancyStatement,
  type PlotAreaInput,
  type ZoneOccupancyInput,
} from '../../geodata/metrics.ts';
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

describe('zoneOccupancy: the figure a zone displays', () => {
  // A schematic layout like Thanh Bình I's: 40.6 of 54.5 leasable ha leased, 13.89 ha not developed.
  const land = summarizeLand([plot('industrial', 'leased', 40.62), plot('industrial', 'not_developed', 13.89)]);
  const claim: OccupancyStatement = { basis: 'developed_land', valuePct: 100, sourceId: 'lforum-2023', asOf: '2023-04-30' };
  const input = (over: Partial<ZoneOccupancyInput>): ZoneOccupancyInput => ({ status: 'operating', layout: 'schematic', land, claim, lastPlotEdit: null, ...over });

  it('shows the sourced figure, with basis and date, where the layout is schematic', () => {
    expect(land.occupancyPct).toBe(74.5);
    expect(zoneOccupancy(input({}))).toMatchObject({ valuePct: 100, basis: 'developed_land', origin: 'source', sourceId: 'lforum-2023', asOf: '2023-04-30', leasedHa: null });
  });

  it('computes from the plots where the layout is sourced plot by plot', () => {
    expect(zoneOccupancy(input({ layout: 'sourced' }))).toMatchObject({ valuePct: 74.5, basis: 'industrial_land', origin: 'plots', leasedHa: 40.62, baseHa: 54.51 });
  });

  it('never turns a schematic layout into a figure on its own: no source means no figure, with the reason', () => {
    expect(zoneOccupancy(input({ claim: null }))).toMatchObject({ valuePct: null, origin: null, gap: 'no_source' });
    expect(zoneOccupancy(input({ claim: null, status: 'planned', layout: 'none' }))).toMatchObject({ valuePct: null, gap: 'not_leasable' });
  });

  it("shows a planner's later edit of the plots, dated and signed by the edit; an older edit yields to a newer source", () => {
    const edit = { at: '2026-12-06T01:00:00Z', by: 'lan.nguyen' };
    expect(zoneOccupancy(input({ lastPlotEdit: edit }))).toMatchObject({ valuePct: 74.5, origin: 'edit', asOf: edit.at, editedBy: 'lan.nguyen' });
    expect(zoneOccupancy(input({ lastPlotEdit: { at: '2022-01-01T00:00:00Z', by: 'x' } }))).toMatchObject({ origin: 'source', valuePct: 100 });
  });
});

describe('aggregateOccupancy: the figure of a group of zones', () => {
  const label = { vi: 'x', en: 'x' };
  const sourced = (id: string, valuePct: number, totalAreaHa: number, basis: 'industrial_land' | 'developed_land' = 'industrial_land', asOf = '2025'): AggregateZoneInput => ({
    id,
    name: label,
    totalAreaHa,
    occupancy: { valuePct, basis, origin: 'source', asOf, sourceId: 's', editedBy: null, leasedHa: null, baseHa: null, gap: null },
    confidence: 'sourced',
  });
  const none = (id: string, totalAreaHa: number, gap: 'no_source' | 'not_leasable'): AggregateZoneInput => ({
    id,
    name: label,
    totalAreaHa,
    occupancy: { valuePct: null, basis: null, origin: null, asOf: null, sourceId: null, editedBy: null, leasedHa: null, baseHa: null, gap },
    confidence: 'none',
  });
  const fromPlots = (id: string, leasedHa: number, baseHa: number): AggregateZoneInput => ({
    id,
    name: label,
    totalAreaHa: baseHa,
    occupancy: { valuePct: (leasedHa / baseHa) * 100, basis: 'industrial_land', origin: 'plots', asOf: '2026-01-01T00:00:00Z', sourceId: null, editedBy: null, leasedHa, baseHa, gap: null },
    confidence: 'sourced',
  });

  it('has no figure while a zone that could hold tenants has none, and says which zones and hectares', () => {
    const a = aggregateOccupancy([sourced('ht', 100, 16), none('vm', 15, 'no_source'), none('tt', 50, 'not_leasable')]);
    expect(a).toMatchObject({ valuePct: null, gap: 'incomplete', countedHa: 16, missingHa: 15, excludedHa: 50 });
    expect([a.counted, a.missing, a.excluded].map((l) => l.map((z) => z.id))).toEqual([['ht'], ['vm'], ['tt']]);
  });

  it('leaves planned and revoked zones out of the rate, but lists them', () => {
    const a = aggregateOccupancy([sourced('tb1', 100, 73.5, 'developed_land', '2023-04-30'), none('cm5', 498, 'not_leasable')]);
    expect(a).toMatchObject({ valuePct: 100, basis: 'developed_land', asOf: '2023-04-30', gap: null, countedHa: 73.5, excludedHa: 498 });
  });

  it('weights by hectares when every figure has them, and is never fresher than its oldest part', () => {
    expect(aggregateOccupancy([fromPlots('a', 1, 4), fromPlots('b', 3, 4)]).valuePct).toBe(50);
    expect(aggregateOccupancy([sourced('a', 100, 10, 'industrial_land', '2024-12'), sourced('b', 100, 20, 'industrial_land', '2025-05')])).toMatchObject({ valuePct: 100, asOf: '2024-12' });
  });

  it('refuses to combine different bases, or differing rates it cannot weight', () => {
    expect(aggregateOccupancy([sourced('a', 100, 10, 'developed_land'), sourced('b', 100, 10)])).toMatchObject({ valuePct: null, gap: 'mixed_basis' });
    expect(aggregateOccupancy([sourced('a', 100, 10), sourced('b', 20, 10)])).toMatchObject({ valuePct: null, gap: 'no_hectares' });
    expect(aggregateOccupancy([none('a', 10, 'not_leasable')])).toMatchObject({ valuePct: null, gap: 'none' });
  });
});

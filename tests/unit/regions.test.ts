import { describe, expect, it } from 'vitest';
import { figureSourceOf, figureSourceShares } from '../../geodata/metrics.ts';
import { regionOfFormerProvince } from '../../geodata/regions.ts';
import { formatHash, parseHash } from '../../client/lib/hash-state.ts';

describe('regions', () => {
  it("name a former province however it is written, and nothing else", () => {
    expect(regionOfFormerProvince('Bắc Kạn')).toBe('bac-kan');
    expect(regionOfFormerProvince('tỉnh Thái Nguyên')).toBe('thai-nguyen');
    expect(regionOfFormerProvince('Bac Kan')).toBe('bac-kan');
    expect(regionOfFormerProvince('Cao Bằng')).toBeNull();
    expect(regionOfFormerProvince(null)).toBeNull();
  });

  it('live in the link: the hash, or ?region= on first load; an unknown one is the whole province', () => {
    expect(parseHash('#region=thai-nguyen').region).toBe('thai-nguyen');
    expect(parseHash('', '?region=bac-kan').region).toBe('bac-kan');
    expect(parseHash('#region=bac-kan', '?region=thai-nguyen').region).toBe('bac-kan');
    expect(parseHash('#region=ha-noi').region).toBeUndefined();
    expect(formatHash({ ...parseHash(''), region: 'thai-nguyen' })).toBe('#region=thai-nguyen');
    expect(formatHash(parseHash(''))).toBe('');
  });
});

describe('the figure-source rule', () => {
  it('colours from plots where the layout gives the figure, from the stated figure otherwise, else no data', () => {
    expect(figureSourceOf({ origin: 'plots' })).toBe('plots');
    expect(figureSourceOf({ origin: 'edit' })).toBe('plots');
    expect(figureSourceOf({ origin: 'source' })).toBe('stated');
    expect(figureSourceOf({ origin: null })).toBe('none');
  });

  it('says how much of a group rests on each kind, every kind listed, with the range of its figures', () => {
    const z = (origin: 'plots' | 'source' | null, ha: number | null, valuePct: number | null) => ({ totalAreaHa: ha, occupancy: { origin, valuePct } });
    expect(figureSourceShares([z('source', 400, 100), z('source', 250, 85), z('plots', 10, 40), z(null, null, null)])).toEqual([
      { source: 'plots', zones: 1, ha: 10, minPct: 40, maxPct: 40 },
      { source: 'stated', zones: 2, ha: 650, minPct: 85, maxPct: 100 },
      { source: 'none', zones: 1, ha: 0, minPct: null, maxPct: null },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { ZoneSync, type ZonesDiff } from '../../client/map/zone-sync.ts';

const sure = { code: 'sourced', year: 2025, coveragePct: null } as const;

function zone(id: string, lon: number, leasedHa: number, name = id, version = 1): ZoneApiFeature {
  const ring = [[lon, 22], [lon + 0.01, 22], [lon + 0.01, 22.01], [lon, 22.01], [lon, 22]];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      id, kind: 'CCN', status: 'operating', name: { vi: name, en: name }, totalAreaHa: { value: 10, sourceId: 's', asOf: '2025' },
      land: { leasableHa: 8, leasedHa, reservedHa: 0, availableHa: 8 - leasedHa, notDevelopedHa: 0, occupancyPct: (leasedHa / 8) * 100, developedOccupancyPct: null },
      progress: { progressPct: 50, coverage: 1, asOf: '2025' },
      // The figure the map colours by: here the plots' own (a layout sourced plot by plot).
      occupancy: { valuePct: (leasedHa / 8) * 100, basis: 'industrial_land', origin: 'plots', asOf: '2025', sourceId: null, editedBy: null, leasedHa, baseHa: 8, gap: null },
      confidence: { occupancy: sure, progress: sure, layout: sure },
      version,
    },
  } as unknown as ZoneApiFeature;
}

describe('ZoneSync', () => {
  it('sends everything the first time, then nothing when nothing changed', () => {
    const sync = new ZoneSync(11);
    const first = sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    expect(first.zones && 'type' in first.zones ? first.zones.features.map((f) => f.id) : null).toEqual(['a', 'b']);
    expect(first.clusters).not.toBeNull();
    const again = sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    expect(again).toMatchObject({ zones: null, points: null, clusters: null, changed: [] });
  });

  it('sends a one-zone diff and rebuilds the bubbles when occupancy changes', () => {
    const sync = new ZoneSync(11);
    sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    const r = sync.update([zone('a', 105.8, 3, 'a', 2), zone('b', 106, 4)]);
    const diff = r.zones as ZonesDiff;
    expect(diff.update.map((u) => u.id)).toEqual(['a']);
    expect(diff.update[0]!.addOrUpdateProperties).toContainEqual({ key: 'leasedHa', value: 3 });
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(r.clusters).not.toBeNull();
    expect(r.changed).toEqual(['a']);
  });

  it('rebuilds the bubbles when a name changes, since a bubble names the zones it holds', () => {
    const sync = new ZoneSync(11);
    sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    const r = sync.update([zone('a', 105.8, 2, 'renamed', 2), zone('b', 106, 4)]);
    expect(r.clusters).not.toBeNull();
    expect(r.points).not.toBeNull();
    expect((r.zones as ZonesDiff).update.map((u) => u.id)).toEqual(['a']);
  });

  it('keeps the cluster index when a zone changes in nothing the bubbles add up or name', () => {
    const sync = new ZoneSync(11);
    sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    const r = sync.update([zone('a', 105.8, 2, 'a', 2), zone('b', 106, 4)]);
    expect(r.clusters).toBeNull();
    expect((r.zones as ZonesDiff).update.map((u) => u.id)).toEqual(['a']);
  });

  it('adds and removes zones', () => {
    const sync = new ZoneSync(11);
    sync.update([zone('a', 105.8, 2), zone('b', 106, 4)]);
    const r = sync.update([zone('b', 106, 4), zone('c', 106.2, 1)]);
    const diff = r.zones as ZonesDiff;
    expect(diff.add.map((f) => f.id)).toEqual(['c']);
    expect(diff.remove).toEqual(['a']);
    expect(r.clusters).not.toBeNull();
  });
});

/**
 * Confidence (geodata/confidence.ts) on the wire: /api, the OGC collections and the flat exports
 * carry each figure's class, computed from the data's own reference date.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { api, planner } = await signedInAppForFile();

type OgcItems = { features: { id: string; properties: Record<string, unknown> }[] };
const getJson = async <T>(path: string) => (await (await api.call(ANON, 'GET', path)).json()) as T;
const ogcZone = async (id: string) => (await getJson<OgcItems>('/ogc/collections/zones/items?limit=100')).features.find((f) => f.id === id)!.properties;

async function patchItem(zone: string, item: string, body: { progressPct: number; asOf: string }) {
  const etag = (await api.call(ANON, 'GET', `/api/zones/${zone}`)).headers.get('etag')!;
  const res = await api.call(planner, 'PATCH', `/api/zones/${zone}/infrastructure/${item}`, { ...body, sourceNote: 'site visit' }, { 'If-Match': etag });
  expect(res.status).toBe(200);
}

describe('confidence columns', () => {
  it('mark every plot of a schematic layout, in /api and in the OGC plots collection', async () => {
    const plots = (await getJson<{ features: PlotApiFeature[] }>('/api/zones/ccn-huyen-tung/plots')).features;
    expect(plots.length).toBeGreaterThan(0);
    expect(new Set(plots.map((p) => p.properties.statusConfidence))).toEqual(new Set(['schematic']));
    const ogc = await getJson<OgcItems>('/ogc/collections/plots/items?status=available&limit=1000');
    expect(ogc.features.length).toBeGreaterThan(0);
    for (const f of ogc.features) expect(f.properties.status_confidence).toBe('schematic');
    expect((await getJson<OgcItems>('/ogc/collections/plots/items?status=available&status_confidence=sourced')).features).toEqual([]);
  });

  it('give a stated occupancy its class and no progress figure "none"', async () => {
    const z = await ogcZone('kcn-thanh-binh-1');
    expect(z).toMatchObject({ occupancy_confidence: 'sourced', progress_confidence: 'none', layout_confidence: 'schematic' });
    expect((await ogcZone('kcn-bach-thong')).occupancy_confidence).toBe('none');
  });

  it('call progress on a fifth of the weight partial, and a 2015 figure old, everywhere it is served', async () => {
    await patchItem('ccn-vang-muoi', 'levelling', { progressPct: 60, asOf: '2025-09' });
    const zone = await getJson<ZoneApiFeature>('/api/zones/ccn-vang-muoi');
    expect(zone.properties.confidence.progress).toEqual({ code: 'partial', year: 2025, coveragePct: 20 });
    expect(await ogcZone('ccn-vang-muoi')).toMatchObject({ progress_pct: 60, progress_coverage_pct: 20, progress_confidence: 'partial' });

    for (const item of ['levelling', 'internal_roads', 'site_clearance']) await patchItem('ccn-nam-bang-lung', item, { progressPct: 95.5, asOf: '2015' });
    expect(await ogcZone('ccn-nam-bang-lung')).toMatchObject({ progress_pct: 95.5, progress_as_of: '2015', progress_confidence: 'old' });

    const csv = await (await api.call(ANON, 'GET', '/api/export?layer=zones&format=csv')).text();
    const table = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    for (const c of ['occupancy_confidence', 'progress_confidence', 'layout_confidence', 'occupancy_as_of', 'progress_as_of']) expect(table.meta.fields).toContain(c);
    expect(table.data.find((r) => r.id === 'ccn-nam-bang-lung')).toMatchObject({ progress_confidence: 'old', progress_as_of: '2015' });
    expect(table.data.find((r) => r.id === 'ccn-vang-muoi')).toMatchObject({ progress_confidence: 'partial' });
  });
});

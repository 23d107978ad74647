import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Enquiry, PlotApiFeature, Problem } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { cutAcross } from '../support/plot-lines.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();

let ip = 0;
const enquire = async (plotId: string) => {
  // Many investors, one test client: the per-address enquiry limit is not what is tested here.
  await db.query('DELETE FROM rate_events');
  const res = await api.call(ANON, 'POST', '/api/enquiries', { plotId, name: 'Investor', email: 'i@example.com', message: `about ${plotId}` }, { 'X-Forwarded-For': `10.55.0.${++ip}` });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
};
const inbox = async () => ((await (await api.call(planner, 'GET', '/api/enquiries')).json()) as { enquiries: Enquiry[] }).enquiries;
const plotsOf = async (zone: string) => ((await (await api.call(ANON, 'GET', `/api/zones/${zone}/plots`)).json()) as { features: PlotApiFeature[] }).features;
/** What an investor's interest adds up to on the map: open enquiries over the zone's plots, plus those on the zone itself. */
const openOnMap = async (zone: string) => (await plotsOf(zone)).reduce((n, p) => n + p.properties.openEnquiries, 0);
const movesIn = (entry: AuditEntry) => ((entry.after as { enquiriesMoved?: { id: number; from: string; to: string | null }[] }).enquiriesMoved ?? []).map(({ id, from, to }) => ({ id, from, to }));
const latestAudit = async (q: string) => ((await (await api.call(planner, 'GET', `/api/audit?${q}&limit=1`)).json()) as { entries: AuditEntry[] }).entries[0]!;

/** Every enquiry names a plot that opens (or only a zone): none points at land that is gone. */
async function noneOrphaned() {
  for (const e of await inbox()) if (e.plotId) expect((await api.call(ANON, 'GET', `/api/plots/${e.plotId}`)).status, `enquiry ${e.id} on ${e.plotId}`).toBe(200);
}

describe('enquiries follow their land', () => {
  it('through a split: to the larger part, recorded in the audit row, the open count unchanged', async () => {
    const zone = 'ccn-nam-bang-lung';
    const plot = (await plotsOf(zone)).find((p) => p.properties.status === 'available')!;
    const id = await enquire(plot.id);
    const before = await openOnMap(zone);
    const res = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line: cutAcross(plot.geometry, 0.3) });
    expect(res.status).toBe(201);
    const parts = ((await res.json()) as { features: PlotApiFeature[] }).features;
    const larger = parts[0]!.properties.areaHa > parts[1]!.properties.areaHa ? parts[0]! : parts[1]!;
    expect((await inbox()).find((e) => e.id === id)!.plotId).toBe(larger.id);
    expect(larger.properties.openEnquiries).toBe(1);
    expect(await openOnMap(zone)).toBe(before);
    expect(movesIn(await latestAudit(`entity=plot:${plot.id}`))).toEqual([{ id, from: plot.id, to: larger.id }]);
    await noneOrphaned();
  });

  it('through a merge: to the merged plot, recorded in the audit row', async () => {
    const zone = 'ccn-nam-bang-lung';
    const plot = (await plotsOf(zone)).find((p) => p.properties.status === 'available' && p.properties.openEnquiries === 0)!;
    const split = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line: cutAcross(plot.geometry, 0.5) });
    const [a, b] = ((await split.json()) as { features: PlotApiFeature[] }).features;
    const ida = await enquire(a!.id);
    const idb = await enquire(b!.id);
    const before = await openOnMap(zone);
    const merged = await api.call(planner, 'POST', '/api/plots/merge', { ids: [a!.id, b!.id] });
    expect(merged.status).toBe(201);
    const m = (await merged.json()) as PlotApiFeature;
    const all = await inbox();
    expect([ida, idb].map((id) => all.find((e) => e.id === id)!.plotId)).toEqual([m.id, m.id]);
    expect(m.properties.openEnquiries).toBe(2);
    expect(await openOnMap(zone)).toBe(before);
    // The merged plot keeps the first id, so only the second plot's enquiry moves.
    expect(movesIn(await latestAudit(`entity=plot:${m.id}`))).toEqual([{ id: idb, from: b!.id, to: m.id }]);
    await noneOrphaned();
  });

  it('through an import: to the new plot covering the land, or to the zone, recorded in the audit row', async () => {
    const zone = 'ccn-vang-muoi';
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;
    // The office renumbered its plots: every id in the file is new, so every old plot goes.
    for (const f of fixture.features) f.properties.id = `${String(f.properties.id)}-v2`;
    const current = await plotsOf(zone);
    const newIds = new Set(fixture.features.map((f) => String(f.properties.id)));
    const dropped = current.filter((p) => !newIds.has(p.id));
    expect(dropped.length).toBeGreaterThan(0);
    const ids = await Promise.all(dropped.slice(0, 3).map((p) => enquire(p.id)));
    const res = await api.call(planner, 'POST', `/api/import?layer=plots&zone=${zone}`, JSON.stringify(fixture), { 'Content-Type': 'application/geo+json' });
    expect(res.status).toBe(200);
    const all = await inbox();
    for (const id of ids) {
      const e = all.find((x) => x.id === id)!;
      expect(e.zoneId).toBe(zone);
      expect(e.plotId === null || newIds.has(e.plotId)).toBe(true);
    }
    const moved = movesIn(await latestAudit(`entity=zone:${zone}`));
    expect(moved.map((m) => m.id)).toEqual([...ids].sort((a, b) => a - b));
    const all2 = await inbox();
    for (const m of moved) expect(all2.find((e) => e.id === m.id)!.plotId).toBe(m.to);
    expect(moved.filter((m) => m.to !== null).length).toBeGreaterThan(0);
    await noneOrphaned();
  });
});

describe('a merge of plots whose terms differ', () => {
  it('is refused naming the fields, and the audit row of a merge keeps every input whole', async () => {
    const zone = 'ccn-nam-bang-lung';
    const plot = (await plotsOf(zone)).find((p) => p.properties.status === 'available' && p.properties.openEnquiries === 0)!;
    const split = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line: cutAcross(plot.geometry, 0.5, 'east-west') });
    const [a, b] = ((await split.json()) as { features: PlotApiFeature[] }).features;
    const etag = (await api.call(planner, 'GET', `/api/plots/${b!.id}`)).headers.get('etag')!;
    expect((await api.call(planner, 'PATCH', `/api/plots/${b!.id}`, { priceVndM2Year: 45000 }, { 'If-Match': etag })).status).toBe(200);
    const refused = await api.call(planner, 'POST', '/api/plots/merge', { ids: [a!.id, b!.id] });
    expect(refused.status).toBe(400);
    const p = (await refused.json()) as Problem;
    expect(p['invalid-params']![0]!.name).toBe('ids');
    expect(p['invalid-params']![0]!.reason).toMatch(/priceVndM2Year/);
    expect((await api.call(ANON, 'GET', `/api/plots/${b!.id}`)).status).toBe(200);
    // Once the terms agree the merge goes through, and its audit row holds both inputs whole.
    const etagA = (await api.call(planner, 'GET', `/api/plots/${a!.id}`)).headers.get('etag')!;
    expect((await api.call(planner, 'PATCH', `/api/plots/${a!.id}`, { priceVndM2Year: 45000 }, { 'If-Match': etagA })).status).toBe(200);
    const merged = await api.call(planner, 'POST', '/api/plots/merge', { ids: [a!.id, b!.id] });
    expect(merged.status).toBe(201);
    const m = (await merged.json()) as PlotApiFeature;
    expect(m.properties.priceVndM2Year.value).toBe(45000);
    const entry = await latestAudit(`entity=plot:${m.id}`);
    const inputs = entry.before as { id: string; properties: PlotApiFeature['properties']; geometry: Polygon }[];
    expect(inputs.map((i) => i.id)).toEqual([a!.id, b!.id]);
    for (const i of inputs) {
      expect(i.properties.priceVndM2Year.value).toBe(45000);
      expect(i.properties).toHaveProperty('leaseEnd');
      expect(i.geometry.type).toBe('Polygon');
    }
  });
});

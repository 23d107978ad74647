import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, PlotApiFeature } from '../../geodata/api.ts';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../geodata/ids.ts';
import type { ImportReport } from '../../server/import/index.ts';
import { ANON } from '../support/api-client.ts';
import { cutAcross } from '../support/plot-lines.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();

/** Every way a planner or an investor opens a plot: each must answer as for any other plot. */
async function opensEverywhere(id: string) {
  const got = await api.call(ANON, 'GET', `/api/plots/${id}`);
  expect(got.status, `GET ${id}`).toBe(200);
  const patch = await api.call(planner, 'PATCH', `/api/plots/${id}`, { sector: 'kept open' }, { 'If-Match': got.headers.get('etag')! });
  expect(patch.status, `PATCH ${id}`).toBe(200);
  const audit = await api.call(planner, 'GET', `/api/audit?entity=plot:${id}`);
  expect(audit.status, `audit of ${id}`).toBe(200);
  expect(((await audit.json()) as { entries: AuditEntry[] }).entries.length).toBeGreaterThan(0);
  const enquiry = await api.call(ANON, 'POST', '/api/enquiries', { plotId: id, name: 'Investor', email: 'i@example.com' }, { 'X-Forwarded-For': '10.9.9.9' });
  expect(enquiry.status, `enquiry on ${id}`).toBe(201);
}

describe('ids the system generates obey its own id rule', () => {
  it('60 successive splits (57 made an 81-character id) leave ids that every route still opens', async () => {
    const plots = ((await (await api.call(ANON, 'GET', '/api/zones/ccn-nam-bang-lung/plots')).json()) as { features: PlotApiFeature[] }).features;
    let plot = plots.find((p) => p.properties.status === 'available')!;
    for (let i = 0; i < 60; i++) {
      // Shave a 3 % sliver off alternating sides and keep cutting the larger part, as a planner carving a long plot would.
      const res = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line: cutAcross(plot.geometry, i % 2 ? 0.97 : 0.03) });
      expect(res.status, `split ${i + 1} of ${plot.id}`).toBe(201);
      const parts = ((await res.json()) as { features: PlotApiFeature[] }).features;
      for (const p of parts) expect(p.id, `split ${i + 1}`).toMatch(ID_PATTERN);
      plot = parts[0]!.properties.areaHa >= parts[1]!.properties.areaHa ? parts[0]! : parts[1]!;
    }
    expect(plot.id.length).toBe(MAX_ID_LENGTH);
    await opensEverywhere(plot.id);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM plots WHERE zone_id = 'ccn-nam-bang-lung'`)).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });
});

describe('ids an import brings obey the same rule', () => {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;
  const upload = (query: string, body: string) =>
    api.call(planner, 'POST', `/api/import?${query}`, body, { 'Content-Type': 'application/geo+json' });

  it('a 90-character id is refused by the dry run and by the commit alike, and nothing is written', async () => {
    const long = `ccn-vang-muoi-${'x'.repeat(76)}`;
    expect(long.length).toBe(90);
    const file = structuredClone(fixture);
    file.features[0]!.properties.id = long;
    const before = await db.query('SELECT id, version FROM plots ORDER BY id');
    for (const dry of ['true', 'false']) {
      const res = await upload(`layer=plots&zone=ccn-vang-muoi&dryRun=${dry}`, JSON.stringify(file));
      expect(res.status, `dryRun=${dry}`).toBe(dry === 'true' ? 200 : 422);
      const { report } = (await res.json()) as { report: ImportReport };
      expect(report.ok).toBe(false);
      const issue = report.issues.find((i) => i.level === 'error' && i.index === 0);
      expect(issue?.message).toMatch(/80 characters/);
    }
    expect(await db.query('SELECT id, version FROM plots ORDER BY id')).toEqual(before);
  });
});

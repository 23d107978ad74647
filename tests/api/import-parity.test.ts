import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/import/index.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();

const ZONE = 'ccn-vang-muoi';
const fixture = () => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;
const upload = (query: string, body: string) => api.call(planner, 'POST', `/api/import?${query}`, body, { 'Content-Type': 'application/geo+json' });
const everything = () => db.query(`SELECT (SELECT json_agg(p ORDER BY id) FROM (SELECT id, zone_id, version FROM plots) p) AS plots, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM sources) AS sources`);

/** What the user is told: status and, for a report, its errors; for a problem, its reason. */
async function verdict(res: Response) {
  const body = (await res.json()) as { report?: ImportReport; 'invalid-params'?: unknown; reason?: string };
  if (body.report) return { ok: body.report.ok, errors: body.report.issues.filter((i) => i.level === 'error').map((i) => `${i.index} ${i.code} ${i.message}`) };
  return { status: res.status, params: body['invalid-params'] ?? body.reason };
}

/**
 * Whatever the dry run accepts, the commit accepts; or both refuse with the same reason. Each
 * input goes through both, and nothing is written by a refusal.
 */
describe('the import dry run and the commit agree', () => {
  it("a plots file for one zone whose feature id is another zone's plot", async () => {
    const file = fixture();
    file.features[0]!.properties.id = 'ccn-nam-bang-lung-cn-01';
    const before = await everything();
    const dry = await upload(`layer=plots&zone=${ZONE}&dryRun=true`, JSON.stringify(file));
    const commit = await upload(`layer=plots&zone=${ZONE}`, JSON.stringify(file));
    expect(commit.status).toBe(422);
    const [d, c] = [await verdict(dry), await verdict(commit)];
    expect(d).toEqual(c);
    expect(d.errors!.join('\n')).toMatch(/ccn-nam-bang-lung-cn-01.*zone "ccn-nam-bang-lung"/);
    expect(await everything()).toEqual(before);
  });

  it('a file name containing NUL', async () => {
    const body = JSON.stringify(fixture());
    const before = await everything();
    const name = encodeURIComponent('plots\u0000.geojson');
    const dry = await upload(`layer=plots&zone=${ZONE}&dryRun=true&filename=${name}`, body);
    const commit = await upload(`layer=plots&zone=${ZONE}&filename=${name}`, body);
    expect(dry.status).toBe(400);
    const [d, c] = [await verdict(dry), await verdict(commit)];
    expect(d).toEqual(c);
    expect(JSON.stringify(c)).toContain('"name":"filename"');
    // The same through Content-Disposition, the way a browser upload names the file.
    const viaHeader = await api.call(planner, 'POST', `/api/import?layer=plots&zone=${ZONE}`, body, { 'Content-Type': 'application/geo+json', 'Content-Disposition': `attachment; filename*=UTF-8''${name}` });
    expect(viaHeader.status).toBe(400);
    expect(await everything()).toEqual(before);
  });

  it('and a clean file passes both', async () => {
    const body = JSON.stringify(fixture());
    const dry = await verdict(await upload(`layer=plots&zone=${ZONE}&dryRun=true&filename=ok.geojson`, body));
    const commit = await verdict(await upload(`layer=plots&zone=${ZONE}&filename=ok.geojson`, body));
    expect(dry).toEqual({ ok: true, errors: [] });
    expect(commit).toEqual(dry);
  });
});

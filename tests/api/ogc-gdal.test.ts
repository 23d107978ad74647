/**
 * Proof with a real GIS client: GDAL's OAPIF driver (what QGIS uses underneath) reads /ogc from a
 * server on a loopback port, and what it sees matches the API. Needs Debian's gdal-bin; in CI
 * (CI=true) a missing GDAL is an error, elsewhere these tests are reported as skipped.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ZoneCollection } from '../../geodata/api.ts';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDb } from '../support/db.ts';

function gdalVersion(): string | null {
  const r = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.trim();
  const help = 'GDAL not found (ogrinfo). Install it with apt-get install -y gdal-bin.';
  if (process.env.CI === 'true') throw new Error(help);
  console.warn(`\n*** GDAL tests not run: ${help}\n`);
  return null;
}
const GDAL = gdalVersion();

// The server runs in this process, so GDAL must run asynchronously (spawnSync would block the event loop).
const run = promisify(execFile);
const gdal = async (cmd: 'ogrinfo' | 'ogr2ogr', args: string[]) => {
  const { stdout } = await run(cmd, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_CURL_GZIP: 'YES' } });
  return stdout;
};

/** ogrinfo -so: layer names with geometry, or one layer's feature count and fields. */
const featureCount = (out: string) => Number(/Feature Count: (\d+)/.exec(out)?.[1]);
/** ogrinfo -al -q: "  name (Type) = value" lines of each feature, as one record per feature. */
function features(out: string): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('OGRFeature(')) records.push({});
    const m = /^ {2}(\w+) \([\w()]+\) = (.*)$/.exec(line);
    if (m && records.length) records.at(-1)![m[1]!] = m[2]!;
  }
  return records;
}

let db: Database;
let server: ReturnType<typeof serve>;
let root: string;
let base: string;
let work: string;
let zones: ZoneCollection['features'];

describe.skipIf(!GDAL)(`GDAL's OAPIF driver (${GDAL ?? 'not installed'})`, () => {
  beforeAll(async () => {
    db = await openTestDb(inject('dbSnapshot'));
    const app = createApp({ db });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    root = `OAPIF:${base}/ogc`;
    work = mkdtempSync(join(tmpdir(), 'iz-atlas-gdal-'));
    zones = ((await (await app.request('/api/zones')).json()) as ZoneCollection).features;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await db?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('lists the five collections as layers with their geometry types', async () => {
    const out = await gdal('ogrinfo', ['-ro', '-so', root]);
    expect(out).toMatch(/1: zones \(title: Industrial parks and clusters\) \(Polygon\)/);
    expect(out).toMatch(/2: plots .*\(Polygon\)/);
    expect(out).toMatch(/3: infrastructure .*\(Point\)/);
    expect(out).toMatch(/4: context/);
    expect(out).toMatch(/5: communes .*\((Multi )?Polygon\)/);
  });

  it('counts the same features in every layer as the API has, with typed columns', async () => {
    const api = async (path: string) => ((await (await fetch(`${base}${path}`)).json()) as { features: unknown[] }).features.length;
    const expected: Record<string, number> = {
      zones: zones.length,
      plots: await api('/api/plots'),
      infrastructure: zones.length * 7,
      context: await api('/api/context'),
      communes: 92,
    };
    for (const [layer, n] of Object.entries(expected)) {
      const out = await gdal('ogrinfo', ['-ro', '-al', '-so', root, layer]);
      expect(featureCount(out), layer).toBe(n);
    }
    const zonesInfo = await gdal('ogrinfo', ['-ro', '-al', '-so', root, 'zones']);
    expect(zonesInfo).toMatch(/^occupancy_pct: Real/m);
    expect(zonesInfo).toMatch(/^plot_count: Integer/m);
    expect(zonesInfo).toMatch(/^name_vi: String/m);
    expect(zonesInfo).toMatch(/^address_new_commune: String/m);
    expect(zonesInfo).toMatch(/^commune_code: String/m);
    expect(zonesInfo).toMatch(/^commune_name: String/m);
    const communesInfo = await gdal('ogrinfo', ['-ro', '-al', '-so', root, 'communes']);
    for (const column of ['code: String', 'name: String', 'full_name: String', 'former_province: String', 'formed_from: String', 'area_km2: Real']) {
      expect(communesInfo).toMatch(new RegExp(`^${column}`, 'm'));
    }
  });

  it('reads a commune by its GSO code, and the commune of a zone', async () => {
    const [choMoi] = features(await gdal('ogrinfo', ['-ro', '-al', '-q', '-where', "code = '02086'", root, 'communes']));
    expect(choMoi).toMatchObject({ id: '02086', code: '02086', name: 'Chợ Mới', full_name: 'Xã Chợ Mới', former_province: 'Bắc Kạn' });
    const ht = zones.find((z) => z.id === 'ccn-huyen-tung')!;
    const [zone] = features(await gdal('ogrinfo', ['-ro', '-al', '-q', '-where', "id = 'ccn-huyen-tung'", root, 'zones']));
    expect(zone).toMatchObject({ commune_code: ht.properties.communeCode, commune_name: ht.properties.communeName });
  });

  it('reads the attribute values the API computes: Huyền Tụng 100 % occupied', async () => {
    const ht = zones.find((z) => z.id === 'ccn-huyen-tung')!;
    // GDAL numbers string-id features 1, 2, … in the order the server sends them (by id).
    const fid = zones.findIndex((z) => z.id === 'ccn-huyen-tung') + 1;
    const [byFid] = features(await gdal('ogrinfo', ['-ro', '-al', '-q', '-fid', String(fid), root, 'zones']));
    const [byId] = features(await gdal('ogrinfo', ['-ro', '-al', '-q', '-where', "id = 'ccn-huyen-tung'", root, 'zones']));
    for (const f of [byFid, byId]) {
      expect(f).toMatchObject({
        id: 'ccn-huyen-tung',
        name_vi: 'CCN Huyền Tụng',
        occupancy_pct: '100',
        leased_ha: String(ht.properties.land.leasedHa),
        leasable_ha: String(ht.properties.land.leasableHa),
        // No source gives a progress percentage for Huyền Tụng ("basically complete" is a state): GDAL reads null.
        progress_pct: ht.properties.progress.progressPct === null ? '(null)' : String(ht.properties.progress.progressPct),
        status: ht.properties.status,
        address_new_province: 'Thái Nguyên',
      });
    }
    const all = features(await gdal('ogrinfo', ['-ro', '-al', '-q', root, 'zones']));
    expect(all.map((f) => f.id)).toEqual(zones.map((z) => z.id));
    for (const f of all) {
      const z = zones.find((x) => x.id === f.id)!;
      expect(f.occupancy_pct, f.id).toBe(z.properties.occupancy.valuePct === null ? '(null)' : String(z.properties.occupancy.valuePct));
      expect(f.layout_occupancy_pct, f.id).toBe(z.properties.land.occupancyPct === null ? '(null)' : String(z.properties.land.occupancyPct));
    }
  });

  it('sends attribute filters to the server and still gets the right plots', async () => {
    const leased = features(await gdal('ogrinfo', ['-ro', '-al', '-q', '-where', "status = 'leased'", root, 'plots']));
    const api = (await (await fetch(`${base}/api/plots?status=leased`)).json()) as { features: { id: string }[] };
    expect(leased.map((f) => f.id)).toEqual(api.features.map((f) => f.id));
  });

  it('copies a collection to a GeoPackage with ogr2ogr', async () => {
    const gpkg = join(work, 'zones.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, root, 'zones']);
    const out = await gdal('ogrinfo', ['-ro', '-so', gpkg, 'zones']);
    expect(featureCount(out)).toBe(zones.length);
    const [ht] = features(await gdal('ogrinfo', ['-ro', '-q', '-where', "id = 'ccn-huyen-tung'", gpkg, 'zones']));
    expect(ht).toMatchObject({ occupancy_pct: '100', name_vi: 'CCN Huyền Tụng' });
  });
});

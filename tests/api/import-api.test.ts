import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { createApp, type App } from '../../server/app.ts';
import type { ImportReport } from '../../server/import/index.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';
import { ANON, type Caller } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const FIX = join(import.meta.dirname, '../fixtures/import');
const ZONE = 'ccn-vang-muoi';

const { db, app, api, planner, admin } = await signedInAppForFile();

const plotsFixture = () => JSON.parse(readFileSync(join(FIX, 'plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;

/** POSTs a file as the raw body, the way `fetch(url, {body: file})` sends it. */
function upload(who: Caller, query: string, body: BodyInit, headers: Record<string, string> = {}, a: App = app) {
  return a.request(`/api/import?${query}`, {
    method: 'POST',
    headers: { ...(who.cookie ? { Cookie: who.cookie } : {}), ...(who.csrf ? { 'X-CSRF-Token': who.csrf } : {}), ...headers },
    body,
  });
}

const counts = async () => {
  const [r] = await db.query<{ plots: number; zones: number; audit: number; sources: number }>(
    `SELECT (SELECT count(*)::int FROM plots) AS plots, (SELECT count(*)::int FROM zones) AS zones,
            (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM sources) AS sources`,
  );
  return r!;
};
const snapshotOf = async (zone: string) => JSON.stringify(await db.query('SELECT id, props, geometry, version FROM plots WHERE zone_id = $1 ORDER BY id', [zone]));

describe('who may upload', () => {
  const body = JSON.stringify(plotsFixture());
  it('a viewer gets 401', async () => {
    expect((await upload(ANON, `layer=plots&zone=${ZONE}&dryRun=true`, body)).status).toBe(401);
  });
  it('a planner without the CSRF token gets 403', async () => {
    expect((await upload({ cookie: planner.cookie, csrf: null }, `layer=plots&zone=${ZONE}&dryRun=true`, body)).status).toBe(403);
    expect((await upload({ cookie: planner.cookie, csrf: 'forged' }, `layer=plots&zone=${ZONE}&dryRun=true`, body)).status).toBe(403);
  });
  it('bad parameters get 400 naming them', async () => {
    const res = await upload(planner, 'layer=roads&crs=WGS84', body);
    expect(res.status).toBe(400);
    const names = ((await res.json()) as { 'invalid-params': { name: string }[] })['invalid-params'].map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['layer', 'crs']));
  });
});

describe('dry run', () => {
  it('reports and previews, and writes nothing', async () => {
    const before = await counts();
    const snap = await snapshotOf(ZONE);
    const fc = plotsFixture();
    fc.features[0]!.geometry.coordinates[0]!.pop(); // an open ring: repaired with a warning
    const res = await upload(planner, `layer=plots&zone=${ZONE}&dryRun=true&filename=plots.geojson`, JSON.stringify(fc), { 'Content-Type': 'application/geo+json' });
    expect(res.status).toBe(200);
    const { report, preview } = (await res.json()) as { report: ImportReport; preview: FeatureCollection };
    expect(report).toMatchObject({ ok: true, dryRun: true, committed: false, layer: 'plots', zone: ZONE, file: { name: 'plots.geojson', format: 'geojson' } });
    expect(report.counts).toMatchObject({ features: 8, accepted: 8, errors: 0, warnings: 1, repaired: 1 });
    expect(report.issues[0]).toMatchObject({ level: 'warning', index: 0, id: 'ccn-vang-muoi-cn-01', code: 'ring_closed', fixed: true });
    expect(report.changes[0]).toMatchObject({ zoneId: ZONE, auditId: null });
    expect(report.changes[0]!.replaced).toHaveLength(8);
    expect(report.notes.map((n) => n.message).join(' ')).toMatch(/replaces all plots/);
    expect(preview.features).toHaveLength(8);
    expect(await counts()).toEqual(before);
    expect(await snapshotOf(ZONE)).toBe(snap);
  });
});

describe('atomicity', () => {
  it('a file with one bad feature writes nothing (422), and the report names the feature', async () => {
    const before = await counts();
    const snap = await snapshotOf(ZONE);
    const fc = plotsFixture();
    fc.features[7]!.properties.status = 'sold out?';
    const res = await upload(planner, `layer=plots&zone=${ZONE}`, JSON.stringify(fc));
    expect(res.status).toBe(422);
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report).toMatchObject({ ok: false, committed: false, dryRun: false });
    expect(report.issues.filter((i) => i.level === 'error')).toEqual([expect.objectContaining({ index: 7, id: 'ccn-vang-muoi-cx-02', code: 'unknown_value' })]);
    expect(await counts()).toEqual(before);
    expect(await snapshotOf(ZONE)).toBe(snap);
  });

  it('unreadable files change nothing and say why', async () => {
    const before = await counts();
    const cases: [string, string, number][] = [
      ['corrupt.zip', 'bad/corrupt.zip', 400],
      ['empty.geojson', 'bad/empty.geojson', 400],
      ['drawing.dxf', 'bad/drawing.dxf', 415],
      ['no-prj.zip', 'bad/no-prj.zip', 400],
    ];
    for (const [name, file, status] of cases) {
      const res = await upload(planner, `layer=plots&zone=${ZONE}&filename=${name}`, readFileSync(join(FIX, file)));
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail.length).toBeGreaterThan(15);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('commit', () => {
  it('replaces the zone\'s plots in one go, recomputes occupancy and writes one audit entry', async () => {
    const before = await counts();
    const zoneBefore = (await (await api.call(ANON, 'GET', `/api/zones/${ZONE}`)).json()) as ZoneApiFeature;
    const fc = plotsFixture();
    // Lease the industrial and service plots, drop one plot.
    fc.features = fc.features.filter((f) => f.properties.code !== 'CN-04');
    for (const f of fc.features) delete f.properties.source_id; // so they cite the import's own source
    for (const f of fc.features) if (['industrial', 'service'].includes(String(f.properties.land_use))) Object.assign(f.properties, { status: 'Đã cho thuê', tenant: 'Cty TNHH Nhập Khẩu' });
    const form = new FormData();
    form.append('file', new File([JSON.stringify(fc)], 'layout.geojson', { type: 'application/geo+json' }));
    const res = await upload(planner, `layer=plots&zone=${ZONE}`, form);
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report).toMatchObject({ ok: true, committed: true, file: { name: 'layout.geojson' } });
    expect(report.changes[0]!.replaced).toHaveLength(8);
    expect(report.changes[0]!.updated).toHaveLength(7);
    expect(report.changes[0]!.auditId).toBeGreaterThan(0);

    const after = await counts();
    expect(after.plots).toBe(before.plots - 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.sources).toBe(before.sources + 1);
    const plots = ((await (await api.call(ANON, 'GET', `/api/zones/${ZONE}/plots`)).json()) as { features: PlotApiFeature[] }).features;
    expect(plots.map((p) => p.id)).not.toContain('ccn-vang-muoi-cn-04');
    expect(plots.find((p) => p.id === 'ccn-vang-muoi-cn-01')!.properties).toMatchObject({ status: 'leased', tenant: 'Cty TNHH Nhập Khẩu', sourceId: report.sourceId, version: 2 });
    const zoneAfter = (await (await api.call(ANON, 'GET', `/api/zones/${ZONE}`)).json()) as ZoneApiFeature;
    expect(zoneBefore.properties.land.occupancyPct).toBe(0);
    expect(zoneAfter.properties.land.occupancyPct).toBe(100);
    const [entry] = ((await (await api.call(planner, 'GET', `/api/audit?zone=${ZONE}&limit=1`)).json()) as { entries: AuditEntry[] }).entries;
    expect(entry).toMatchObject({ action: 'import', entityType: 'zone', entityId: ZONE, username: 'planner1' });
    expect((entry!.before as { plots: unknown[] }).plots).toHaveLength(8);
    expect(entry!.reason).toMatch(/layout\.geojson/);
  });

  it('imports zones by id (geometry update) and context features', async () => {
    const zones = (await (await api.call(ANON, 'GET', '/api/zones')).json()) as { features: ZoneApiFeature[] };
    const z = zones.features.find((f) => f.id === 'ccn-cam-giang')!;
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: z.id, accuracy: 'surveyed' }, geometry: z.geometry }] };
    const res = await upload(admin, 'layer=zones', JSON.stringify(fc));
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report.changes[0]).toMatchObject({ updated: ['ccn-cam-giang'], created: [] });
    const after = (await (await api.call(ANON, 'GET', '/api/zones/ccn-cam-giang')).json()) as ZoneApiFeature;
    expect(after.properties).toMatchObject({ accuracy: 'surveyed', name: z.properties.name, version: z.properties.version + 1 });

    const ctx = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'seat-test', kind: 'huyện lỵ', name_vi: 'Thị trấn Thử', name_en: 'Test town' }, geometry: { type: 'Point', coordinates: [105.83, 22.15] } }] };
    const r2 = await upload(planner, 'layer=context', JSON.stringify(ctx));
    expect(r2.status).toBe(200);
    const context = (await (await api.call(ANON, 'GET', '/api/context')).json()) as FeatureCollection;
    expect(context.features.find((f) => f.id === 'seat-test')?.properties).toMatchObject({ kind: 'district_seat', name: { vi: 'Thị trấn Thử', en: 'Test town' } });
  });
});

describe('a new zone after 1 July 2025', () => {
  // Districts were abolished on 1 July 2025: a zone drawn in VN-2000 with only id, name, kind and
  // status is enough, and its commune comes from its geometry.
  it('comes in from a VN-2000 file with only id, name, kind and status', async () => {
    const bytes = readFileSync(join(FIX, 'in/zones-vn2000-minimal.geojson'));
    const res = await upload(planner, 'layer=zones&filename=zones-vn2000-minimal.geojson', bytes, { 'Content-Type': 'application/geo+json' });
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report.issues).toEqual([]);
    expect(res.status).toBe(200);
    expect(report).toMatchObject({ ok: true, committed: true, crs: { code: 'EPSG:5897' } });
    const zone = (await (await api.call(ANON, 'GET', '/api/zones/ccn-thu-nghiem-yen-phong')).json()) as ZoneApiFeature;
    expect(zone.properties).toMatchObject({ kind: 'CCN', status: 'planned', name: { vi: 'Cụm công nghiệp thử nghiệm Yên Phong', en: 'Cụm công nghiệp thử nghiệm Yên Phong' } });
    // Drawn in the middle of xã Yên Phong (GSO 02083).
    expect(zone.properties).toMatchObject({ communeCode: '02083', communeName: 'Yên Phong' });
  });
});

describe('a zone drawn away from its sourced old commune', () => {
  // Old xã Quảng Chu became part of xã Chợ Mới (the merger table); these outlines lie in xã Yên Phong.
  const fixture = () => JSON.parse(readFileSync(join(FIX, 'in/zones-commune-contradiction.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;

  it('is an error for surveyed geometry and a warning for approximate, naming both communes in vi and en', async () => {
    const res = await upload(planner, 'layer=zones&dryRun=true', JSON.stringify(fixture()));
    const { report } = (await res.json()) as { report: ImportReport };
    const byId = Object.fromEntries(report.issues.map((i) => [i.id, i]));
    expect(byId['ccn-phac-thao-xa-quang-chu']).toMatchObject({ level: 'warning', reason: { code: 'communeContradiction' } });
    expect(byId['ccn-do-dac-xa-quang-chu']).toMatchObject({ level: 'error', reason: { code: 'communeContradiction' } });
    expect(byId['ccn-dung-xa-cho-moi']).toBeUndefined();
    for (const lang of ['vi', 'en'] as const) {
      const text = reasonMessage(lang, byId['ccn-do-dac-xa-quang-chu']!.reason!);
      expect(text).toContain('xã Quảng Chu');
      expect(text).toContain('xã Chợ Mới');
      expect(text).toContain('xã Yên Phong');
    }
    expect(report.ok).toBe(false);
  });

  it('commits the approximate one with its warning; its commune is where it lies, as derived', async () => {
    const fc = fixture();
    fc.features = fc.features.filter((f) => f.properties.accuracy === 'approximate');
    const res = await upload(planner, 'layer=zones', JSON.stringify(fc));
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report).toMatchObject({ committed: true, counts: { warnings: 1, errors: 0 } });
    const zone = (await (await api.call(ANON, 'GET', '/api/zones/ccn-phac-thao-xa-quang-chu')).json()) as ZoneApiFeature;
    expect(zone.properties).toMatchObject({ addressOld: { commune: 'xã Quảng Chu' }, communeCode: '02083', communeName: 'Yên Phong', communeBasis: 'geometry' });
  });
});

describe('size limits', () => {
  it('takes uploads far above the API\'s 64 KiB body limit', async () => {
    const fc = plotsFixture();
    fc.features.forEach((f) => {
      f.properties.note = 'x'.repeat(12_000);
    });
    const body = JSON.stringify(fc);
    expect(body.length).toBeGreaterThan(64 * 1024);
    const res = await upload(planner, `layer=plots&zone=${ZONE}&dryRun=true`, body);
    expect(res.status).toBe(200);
  });

  it('refuses a file over IMPORT_MAX_BYTES with 413', async () => {
    const prev = process.env.IMPORT_MAX_BYTES;
    process.env.IMPORT_MAX_BYTES = '1000';
    const small = createApp({ db });
    if (prev === undefined) delete process.env.IMPORT_MAX_BYTES;
    else process.env.IMPORT_MAX_BYTES = prev;
    const before = await counts();
    const res = await upload(planner, `layer=plots&zone=${ZONE}`, JSON.stringify(plotsFixture()), {}, small);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/IMPORT_MAX_BYTES/);
    expect(await counts()).toEqual(before);
  });
});

// Last: it commits, which the tests above do not expect.
describe('control characters in text', () => {
  it('drops NUL (which PostgreSQL cannot store) and the other control characters from text, with a warning, and commits', async () => {
    const fc = plotsFixture();
    fc.features[0]!.properties.status = 'leased';
    fc.features[0]!.properties.tenant = 'Cty\u0000 TNHH\u0000\u0007\u001b';
    const res = await upload(planner, `layer=plots&zone=${ZONE}`, JSON.stringify(fc));
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ImportReport };
    expect(report.committed).toBe(true);
    expect(report.issues).toContainEqual(expect.objectContaining({ level: 'warning', index: 0, fixed: true, message: expect.stringContaining('NUL') }));
    const [row] = await db.query<{ tenant: string }>("SELECT props->>'tenant' AS tenant FROM plots WHERE id = $1", [fc.features[0]!.properties.id]);
    expect(row!.tenant).toBe('Cty TNHH');
  });
});

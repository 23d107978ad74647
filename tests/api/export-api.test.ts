import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { positions } from '../../geodata/check-geometry.ts';
import type { Source } from '../../geodata/schema.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { createUser } from '../../server/domain/users.ts';
import type { ImportReport } from '../../server/import/index.ts';
import { ANON, caller, type Caller } from '../support/api-client.ts';
import { openTestDb } from '../support/db.ts';

const PW = 'correct horse battery';
const ZONE = 'kcn-thanh-binh-1';
let db: Database;
let app: App;
let api: ReturnType<typeof caller>;
let planner: Caller;
let tmp: string;
const hasOgr = existsSync('/usr/bin/ogrinfo');

beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  await createUser(db, { username: 'planner1', role: 'planner', password: PW });
  app = createApp({ db });
  api = caller(app);
  planner = await api.login('planner1', PW);
  tmp = mkdtempSync(join(tmpdir(), 'iz-export-'));
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

const get = (path: string) => app.request(path);
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

async function reimport(file: Uint8Array, name: string, query: string) {
  const res = await app.request(`/api/import?${query}&dryRun=true&filename=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf! },
    body: Buffer.from(file),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { report: ImportReport; preview: FeatureCollection };
}

/** Largest distance in metres between matching positions (near 22° N). */
function maxShift(a: Geometry, b: Geometry): number {
  const pa = positions(a);
  const pb = positions(b);
  expect(pa.length).toBe(pb.length);
  return Math.max(...pa.map((p: Position, i) => Math.hypot((p[0]! - pb[i]![0]!) * 103_200, (p[1]! - pb[i]![1]!) * 110_750)));
}

// communeCode, communeName and communeBasis are derived from the geometry on every write, and the
// region and figure source from them and the plots, so the file's are not read back.
const COMPUTED = ['land', 'occupancy', 'progress', 'confidence', 'plotCount', 'version', 'areaHa', 'openEnquiries', 'statusConfidence', 'communeCode', 'communeName', 'communeBasis', 'region', 'figureSource'];
const stored = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => !COMPUTED.includes(k)));
/** The shapefile keeps 254 bytes of text; compare notes by their first 80 characters there. */
const comparable = (p: Record<string, unknown>, format: string) =>
  format === 'shp' && typeof p.note === 'string' ? { ...p, note: p.note.slice(0, 80) } : p;
const sortById = <T extends { id?: string | number }>(xs: T[]) => [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));

const FORMATS = ['geojson', 'csv', 'kml', 'gpkg', 'shp'] as const;
const CASES: [string, string][] = FORMATS.flatMap((f): [string, string][] => (f === 'kml' ? [[f, 'EPSG:4326']] : [[f, 'EPSG:4326'], [f, 'EPSG:9213']]));

describe('round trip export → import gives back the same data', () => {
  it.each(CASES)('plots as %s in %s', async (format, crs) => {
    const orig = sortById(((await (await get(`/api/zones/${ZONE}/plots`)).json()) as { features: PlotApiFeature[] }).features);
    const res = await get(`/api/export?layer=plots&zone=${ZONE}&format=${format}&crs=${crs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="iz-atlas-plots-kcn-thanh-binh-1-EPSG\d+\./);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition')!)![1]!;
    const back = await reimport(await bytes(res), name, `layer=plots&zone=${ZONE}${format === 'csv' ? `&crs=${crs}` : ''}`);
    expect(back.report.counts).toMatchObject({ features: orig.length, accepted: orig.length, errors: 0 });
    // The seeded data has leased plots whose tenant no source names; the import says so, nothing else.
    expect(back.report.issues.filter((i) => i.code !== 'rule')).toEqual([]);
    expect(back.report.crs.code).toBe(crs);
    const got = sortById(back.preview.features as Feature[]);
    got.forEach((f, i) => {
      const o = orig[i]!;
      expect(f.id).toBe(o.id);
      expect(maxShift(f.geometry, o.geometry)).toBeLessThan(crs === 'EPSG:4326' ? 0.02 : 0.05);
      const want = stored(o.properties as unknown as Record<string, unknown>);
      const have = f.properties as Record<string, unknown>;
      if (format === 'geojson') expect(have).toEqual(want);
      else {
        // Flat formats carry the price value, not its note; the rest comes back as it was.
        const { priceVndM2Year: pw, ...restWant } = want as { priceVndM2Year: { value: number | null } };
        const { priceVndM2Year: ph, ...restHave } = have as { priceVndM2Year: { value: number | null } };
        expect(comparable(restHave, format)).toEqual(comparable(restWant, format));
        expect(ph.value).toBe(pw.value);
      }
    });
  });

  it.each(CASES)('zones as %s in %s', async (format, crs) => {
    const orig = sortById(((await (await get('/api/zones')).json()) as { features: ZoneApiFeature[] }).features);
    const res = await get(`/api/export?layer=zones&format=${format}&crs=${crs}`);
    const back = await reimport(await bytes(res), `zones.${format === 'shp' ? 'zip' : format}`, `layer=zones${format === 'csv' ? `&crs=${crs}` : ''}`);
    expect(back.report.counts).toMatchObject({ features: orig.length, accepted: orig.length, errors: 0 });
    expect(back.report.changes[0]).toMatchObject({ created: [] });
    const got = sortById(back.preview.features as Feature[]);
    got.forEach((f, i) => {
      expect(maxShift(f.geometry, orig[i]!.geometry)).toBeLessThan(0.05);
      expect(comparable(f.properties as Record<string, unknown>, format)).toEqual(comparable(stored(orig[i]!.properties as unknown as Record<string, unknown>), format));
    });
  });

  it.each(CASES.filter(([f]) => f !== 'shp'))('context as %s in %s', async (format, crs) => {
    const orig = sortById(((await (await get('/api/context')).json()) as FeatureCollection).features as (Feature & { id: string })[]);
    const res = await get(`/api/export?layer=context&format=${format}&crs=${crs}`);
    const back = await reimport(await bytes(res), `context.${format}`, `layer=context${format === 'csv' ? `&crs=${crs}` : ''}`);
    expect(back.report.counts).toMatchObject({ accepted: orig.length, errors: 0 });
    const got = sortById(back.preview.features as Feature[]);
    got.forEach((f, i) => {
      expect(maxShift(f.geometry, orig[i]!.geometry)).toBeLessThan(0.05);
      expect(f.properties).toEqual(orig[i]!.properties);
    });
  });
});

describe('what an export carries', () => {
  it('GeoJSON: asOf, the cited sources and the query as foreign members; a crs member for VN-2000', async () => {
    const body = (await (await get(`/api/export?layer=plots&zone=${ZONE}&status=leased&crs=EPSG:9213`)).json()) as FeatureCollection & {
      asOf: string; sources: Source[]; query: unknown; crs: unknown;
    };
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.query).toEqual({ layer: 'plots', crs: 'EPSG:9213', zone: ZONE, status: ['leased'] });
    expect(body.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9213' } });
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features.every((f) => f.properties!.status === 'leased')).toBe(true);
    const cited = new Set(body.features.map((f) => f.properties!.sourceId));
    for (const id of cited) expect(body.sources.map((s) => s.id)).toContain(id);
    const [x, y] = positions(body.features[0]!.geometry)[0]!;
    expect(x).toBeGreaterThan(300_000); // easting, metres
    expect(y).toBeGreaterThan(2_400_000);
  });

  it('exports the selected ids only', async () => {
    const res = await get('/api/export?layer=plots&ids=ccn-vang-muoi-cn-01,ccn-huyen-tung-cn-01&format=csv');
    expect(res.headers.get('x-feature-count')).toBe('2');
    const raw = await bytes(res);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads Vietnamese right
    const text = new TextDecoder().decode(raw);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).toMatch(/^WKT,id,zone_id,code,land_use,status/);
    expect(text).toMatch(/as_of,sources/);
  });

  it('Shapefile zip: .prj, .cpg, sources.csv and README.txt', async () => {
    const zip = await JSZip.loadAsync(await bytes(await get(`/api/export?layer=plots&zone=${ZONE}&format=shp&crs=EPSG:9213`)));
    expect(Object.keys(zip.files).sort()).toEqual(['README.txt', 'plots.cpg', 'plots.dbf', 'plots.prj', 'plots.shp', 'plots.shx', 'sources.csv']);
    expect(await zip.file('plots.prj')!.async('string')).toMatch(/^PROJCS\["VN-2000 \/ TM-3 106-30".*AUTHORITY\["EPSG","9213"\]\]$/);
    expect(await zip.file('README.txt')!.async('string')).toMatch(/as of \d{4}-\d{2}-\d{2}[\s\S]*EPSG:6960/);
    expect(await zip.file('sources.csv')!.async('string')).toMatch(/^id,title,publisher,url,date,note\n/);
  });

  it('refuses KML in a projected system and unknown parameters', async () => {
    expect((await get('/api/export?layer=plots&format=kml&crs=EPSG:9213')).status).toBe(400);
    expect((await get('/api/export?layer=plots&status=open')).status).toBe(400);
    expect((await get('/api/export?layer=roads')).status).toBe(400);
    expect((await get('/api/export?layer=plots&crs=EPSG:2000')).status).toBe(400);
  });

  it('is public', async () => {
    expect((await api.call(ANON, 'GET', '/api/export?layer=zones')).status).toBe(200);
  });
});

describe.skipIf(!hasOgr)('GDAL reads the exports (ogrinfo)', () => {
  it.each([['gpkg', 'EPSG:9213'], ['shp', 'EPSG:9213'], ['kml', 'EPSG:4326'], ['geojson', 'EPSG:9213']])('%s in %s', async (format, crs) => {
    const res = await get(`/api/export?layer=plots&zone=${ZONE}&format=${format}&crs=${crs}`);
    const file = join(tmp, /filename="([^"]+)"/.exec(res.headers.get('content-disposition')!)![1]!);
    writeFileSync(file, await bytes(res));
    const out = execFileSync('ogrinfo', ['-so', '-al', format === 'shp' ? `/vsizip/${file}` : file], { encoding: 'utf8' });
    expect(out).toMatch(/Feature Count: 16/);
    if (crs === 'EPSG:9213') expect(out).toMatch(/VN-2000 \/ TM-3 106-30/);
    if (format === 'gpkg') {
      const sources = execFileSync('ogrinfo', ['-q', file, 'iz_sources'], { encoding: 'utf8' });
      expect(sources).toMatch(/iz-atlas-schematic-layout/);
      const check = execFileSync('ogrinfo', ['-q', '-sql', 'SELECT count(*) AS n FROM plots', file], { encoding: 'utf8' });
      expect(check).toMatch(/n \(Integer\) = 16/);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import shpwrite from '@mapbox/shp-write';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCrs, fromWgs84, wkt1 } from '../../geodata/crs/index.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';
import { analyse, type ImportContext, type ImportIssue } from '../../server/import/engine.ts';
import { ImportFileError, readLayerFile } from '../../server/import/readers.ts';
import { toTcvn3, toVni } from '../../server/import/vn-encoding.ts';
import { bundledContext } from '../fixtures/import/context.ts';

const FIX = join(import.meta.dirname, '../fixtures/import');
const fixture = (f: string) => new Uint8Array(readFileSync(join(FIX, f)));
let ctx: Awaited<ReturnType<typeof bundledContext>>;
beforeAll(async () => {
  ctx = await bundledContext();
});

const ZONE = 'ccn-vang-muoi';
const vangMuoi = () => JSON.parse(readFileSync(join(FIX, 'plots-vang-muoi.geojson'), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;
const bytesOf = (fc: unknown) => new TextEncoder().encode(JSON.stringify(fc));

async function run(bytes: Uint8Array, name: string, opts: { layer?: 'plots' | 'zones' | 'context'; zone?: string | null; crs?: string | null } = {}, c: ImportContext = ctx) {
  const raw = await readLayerFile(bytes, name, { layer: opts.layer ?? 'plots', hasCrsOption: !!opts.crs });
  return analyse(raw, { layer: opts.layer ?? 'plots', zone: opts.zone === undefined ? ZONE : opts.zone, crs: opts.crs ?? null }, c);
}
const errors = (issues: ImportIssue[]) => issues.filter((i) => i.level === 'error');
const codes = (issues: ImportIssue[], level?: 'error' | 'warning') => issues.filter((i) => !level || i.level === level).map((i) => i.code);
const mapCoords = (fc: FeatureCollection<Polygon, Record<string, unknown>>, f: (p: Position) => Position) => ({
  ...fc,
  features: fc.features.map((x) => ({ ...x, geometry: { type: 'Polygon', coordinates: x.geometry.coordinates.map((r) => r.map(f)) } })),
});

describe('a clean file', () => {
  it('passes with no issue and keeps the geometry', async () => {
    const a = await run(fixture('plots-vang-muoi.geojson'), 'plots.geojson');
    expect(a.issues).toEqual([]);
    expect(a.features).toHaveLength(8);
    expect(a.features[0]!.geometry).toEqual(vangMuoi().features[0]!.geometry);
    expect(a.crs).toMatchObject({ code: 'EPSG:4326', source: 'rfc7946' });
  });
});

describe('coordinates', () => {
  it('swaps a whole file of [lat, lon] back, with a warning', async () => {
    const a = await run(bytesOf(mapCoords(vangMuoi(), ([x, y]) => [y!, x!])), 'p.geojson');
    expect(errors(a.issues)).toEqual([]);
    expect(a.issues).toContainEqual(expect.objectContaining({ code: 'axis_swapped', level: 'warning', fixed: true, index: null }));
    expect(a.features[0]!.geometry).toEqual(vangMuoi().features[0]!.geometry);
  });

  it('names the one feature given as [lat, lon] among good ones, and one outside the province', async () => {
    const fc = vangMuoi();
    fc.features[2] = mapCoords({ ...fc, features: [fc.features[2]!] }, ([x, y]) => [y!, x!]).features[0] as Feature<Polygon, Record<string, unknown>>;
    fc.features[3] = mapCoords({ ...fc, features: [fc.features[3]!] }, ([x, y]) => [x! + 1.5, y!]).features[0] as Feature<Polygon, Record<string, unknown>>;
    const a = await run(bytesOf(fc), 'p.geojson');
    const e = errors(a.issues);
    expect(e.find((i) => i.index === 2)).toMatchObject({ id: 'ccn-vang-muoi-cn-03', code: 'outside_province' });
    expect(e.find((i) => i.index === 2)!.message).toMatch(/lat, lon/);
    expect(e.find((i) => i.index === 3)).toMatchObject({ code: 'outside_province' });
    expect(a.rejected).toEqual([2, 3]);
  });

  it('refuses metres labelled as degrees, and names the system that fits', async () => {
    const t = fromWgs84(findCrs('EPSG:9213')!);
    const a = run(bytesOf(mapCoords(vangMuoi(), (p) => t(p))), 'p.geojson');
    await expect(a).rejects.toThrow(/metres.*EPSG:9213/);
  });

  it('refuses degrees labelled as a projected system', async () => {
    await expect(run(fixture('plots-vang-muoi.geojson'), 'p.geojson', { crs: 'EPSG:9213' })).rejects.toThrow(/look like degrees.*EPSG:4326/);
  });

  it('reads VN-2000 / TM-3 given with the GeoJSON crs member, and X = northing files', async () => {
    const t = fromWgs84(findCrs('EPSG:9213')!);
    const fc = { ...mapCoords(vangMuoi(), (p) => t(p)), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9213' } } };
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(a.issues).toEqual([]);
    const back = a.features[0]!.geometry as Polygon;
    back.coordinates[0]!.forEach((p, i) => {
      const q = vangMuoi().features[0]!.geometry.coordinates[0]![i]!;
      expect(Math.abs(p[0]! - q[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(p[1]! - q[1]!)).toBeLessThan(1e-6);
    });
    const northFirst = { ...mapCoords(vangMuoi(), (p) => t(p).reverse()), crs: fc.crs };
    const b = await run(bytesOf(northFirst), 'p.geojson');
    expect(b.issues).toContainEqual(expect.objectContaining({ code: 'axis_swapped', fixed: true }));
    expect(b.features[0]!.geometry).toEqual(back);
  });
});

describe('the province a zone must lie in: Thái Nguyên as it is since 1 July 2025', () => {
  // A new zone with only id, name, kind and status: a 600 m square around `at`.
  const zoneAt = (id: string, [x, y]: [number, number]) => {
    const d = 0.003;
    const ring = [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]];
    return { type: 'Feature', properties: { id, name: `CCN thử ${id}`, kind: 'CCN', status: 'planned' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  };
  const zones = (...features: unknown[]) => bytesOf({ type: 'FeatureCollection', features });

  it('accepts a zone in the new province outside former Bắc Kạn (near Thái Nguyên city)', async () => {
    const a = await run(zones(zoneAt('ccn-thu-phan-dinh-phung', [105.84, 21.59])), 'z.geojson', { layer: 'zones', zone: null });
    expect(errors(a.issues)).toEqual([]);
    expect(a.features.map((f) => f.id)).toEqual(['ccn-thu-phan-dinh-phung']);
  });

  it('refuses a zone just outside the province, naming Thái Nguyên in Vietnamese and English', async () => {
    // ~1.7 km south of the province's southern tip (105.8902, 21.3257).
    const a = await run(zones(zoneAt('ccn-thu-ngoai-tinh', [105.89, 21.31])), 'z.geojson', { layer: 'zones', zone: null });
    const issue = errors(a.issues).find((i) => i.code === 'outside_province');
    expect(issue).toMatchObject({ id: 'ccn-thu-ngoai-tinh', reason: { code: 'importOutsideProvince', params: { province: 'Thái Nguyên', n: 5 } } });
    expect(issue!.message).toMatch(/outside the boundary of Thái Nguyên/);
    expect(reasonMessage('vi', issue!.reason!)).toMatch(/nằm ngoài ranh giới Thái Nguyên/);
    expect(a.features).toEqual([]);
  });
});

describe('geometry repairs and refusals', () => {
  it('closes open rings and rewinds clockwise ones, with warnings', async () => {
    const fc = vangMuoi();
    fc.features[0]!.geometry.coordinates[0]!.pop();
    fc.features[1]!.geometry.coordinates[0]!.reverse();
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(errors(a.issues)).toEqual([]);
    expect(a.issues).toContainEqual(expect.objectContaining({ index: 0, id: 'ccn-vang-muoi-cn-01', code: 'ring_closed', fixed: true }));
    expect(a.issues).toContainEqual(expect.objectContaining({ index: 1, code: 'ring_winding', fixed: true }));
    expect(a.features[0]!.geometry).toEqual(vangMuoi().features[0]!.geometry);
    expect(a.features[1]!.geometry).toEqual(vangMuoi().features[1]!.geometry);
  });

  it('refuses a self-intersecting plot and suggests a repair', async () => {
    const fc = vangMuoi();
    const ring = fc.features[0]!.geometry.coordinates[0]!;
    [ring[1], ring[2]] = [ring[2]!, ring[1]!]; // a bow tie
    const a = await run(bytesOf(fc), 'p.geojson');
    const e = errors(a.issues).find((i) => i.index === 0)!;
    expect(e.code).toBe('self_intersection');
    expect(e.suggestion).toMatch(/buffer\(0\)|makevalid/);
  });

  it('refuses a plot outside its zone and plots that overlap', async () => {
    const fc = vangMuoi();
    const shift = (p: Position): Position => [p[0]! + 0.004, p[1]!];
    fc.features[4]!.geometry.coordinates = fc.features[4]!.geometry.coordinates.map((r) => r.map(shift));
    fc.features[5]!.geometry = structuredClone(fc.features[6]!.geometry);
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(a.issues.find((i) => i.index === 4)?.code).toBe('outside_zone');
    expect(a.issues.find((i) => i.code === 'overlap')).toMatchObject({ level: 'error' });
  });

  it('refuses duplicate ids and a MultiPolygon plot', async () => {
    const fc = vangMuoi();
    fc.features[1]!.properties.id = fc.features[0]!.properties.id;
    (fc.features[2] as Feature).geometry = { type: 'MultiPolygon', coordinates: [fc.features[2]!.geometry.coordinates, fc.features[3]!.geometry.coordinates] };
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(a.issues.find((i) => i.index === 1)).toMatchObject({ code: 'duplicate_id', id: 'ccn-vang-muoi-cn-01' });
    expect(a.issues.find((i) => i.index === 2)).toMatchObject({ code: 'geometry_type' });
  });
});

describe('attributes', () => {
  it.each([
    ['Đã cho thuê', 'leased'], ['leased', 'leased'], ['da cho thue', 'leased'], ['DA CHO THUE', 'leased'], ['Rented', 'leased'],
    ['Còn trống', 'available'], ['vacant', 'available'], ['Chưa có hạ tầng', 'not_developed'], ['not developed', 'not_developed'], ['đặt chỗ', 'reserved'],
  ])('maps status "%s" to %s', async (word, status) => {
    const fc = vangMuoi();
    fc.features[0]!.properties.status = word;
    fc.features[0]!.properties.tenant = 'Cty TNHH Thử nghiệm';
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(errors(a.issues)).toEqual([]);
    expect(a.features[0]!.properties).toMatchObject({ status });
  });

  it('refuses an unknown status, a bad date, a non-number price and a leased road', async () => {
    const fc = vangMuoi();
    fc.features[0]!.properties.status = 'sold?';
    fc.features[1]!.properties.lease_from = 'next spring';
    fc.features[2]!.properties.price_m2y = 'cheap';
    fc.features[7]!.properties.status = 'leased';
    const a = await run(bytesOf(fc), 'p.geojson');
    const byIndex = (i: number) => errors(a.issues).filter((x) => x.index === i).map((x) => x.code);
    expect(byIndex(0)).toEqual(['unknown_value']);
    expect(errors(a.issues).find((x) => x.index === 0)!.message).toMatch(/sold\?.*leased, reserved, available, not_developed/);
    expect(byIndex(1)).toEqual(['attribute_type']);
    expect(byIndex(2)).toEqual(['attribute_type']);
    expect(byIndex(7)).toEqual(['rule']);
  });

  it('reads dd/mm/yyyy dates and "1.234,5" numbers with a warning', async () => {
    const fc = vangMuoi();
    Object.assign(fc.features[0]!.properties, { status: 'leased', tenant: 'X', lease_from: '15/03/2024', price_m2y: '1.234,5' });
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(errors(a.issues)).toEqual([]);
    expect(a.features[0]!.properties).toMatchObject({ leaseStart: '2024-03-15', priceVndM2Year: { value: 1234.5, sourceId: 'import-test', asOf: '2026-01-15' } });
  });

  it('needs --zone or a zone_id, and the two must agree', async () => {
    const fc = vangMuoi();
    fc.features[0]!.properties.zone_id = 'ccn-huyen-tung';
    const a = await run(bytesOf(fc), 'p.geojson');
    expect(a.issues.find((i) => i.index === 0)).toMatchObject({ code: 'zone_mismatch' });
  });

  it('converts TCVN3 and VNI attribute text in a Shapefile without .cpg, and says so', async () => {
    const fc = vangMuoi();
    const rows = fc.features.map((f, i) => ({
      ...f.properties,
      // Bytes as the legacy fonts wrote them: Windows-1252 code points of the legacy characters.
      tenant: i === 0 ? iconv.encode(toTcvn3('Công ty Cẩm Giàng'), 'cp1252').toString('latin1') : i === 1 ? iconv.encode(toVni('Hợp tác xã Huyền Tụng'), 'cp1252').toString('latin1') : null,
      status: i === 0 || i === 1 ? iconv.encode(toVni('Đã cho thuê'), 'cp1252').toString('latin1') : f.properties.status,
    }));
    const rings = fc.features.map((f) => f.geometry.coordinates.map((r) => [...r].reverse()));
    const zip = new JSZip();
    await new Promise<void>((done) =>
      shpwrite.write(rows, 'POLYGON', rings, (_: unknown, files: { shp: DataView; shx: DataView; dbf: DataView }) => {
        zip.file('plots.shp', files.shp.buffer as ArrayBuffer);
        zip.file('plots.shx', files.shx.buffer as ArrayBuffer);
        zip.file('plots.dbf', files.dbf.buffer as ArrayBuffer);
        zip.file('plots.prj', wkt1(findCrs('EPSG:4326')!));
        done();
      }),
    );
    const a = await run(await zip.generateAsync({ type: 'uint8array' }), 'legacy.zip');
    expect(errors(a.issues)).toEqual([]);
    expect(a.features[0]!.properties).toMatchObject({ tenant: 'Công ty Cẩm Giàng', status: 'leased' });
    expect(a.features[1]!.properties).toMatchObject({ tenant: 'Hợp tác xã Huyền Tụng', status: 'leased' });
    const legacy = a.issues.filter((i) => i.code === 'legacy_encoding');
    expect(legacy.map((i) => i.message).join(' ')).toMatch(/TCVN3.*VNI/);
    expect(codes(a.issues, 'warning')).not.toContain('ring_winding'); // clockwise is the Shapefile rule
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['bad/corrupt.zip', 'corrupt'],
    ['bad/empty.geojson', 'empty'],
    ['bad/drawing.dxf', 'unsupported'],
    ['bad/no-prj.zip', 'no_crs'],
    ['bad/no-features.geojson', 'no_features'],
    ['bad/truncated.geojson', 'corrupt'],
  ])('%s: %s', async (file, kind) => {
    const err = await run(fixture(file), file.replace('bad/', '')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).kind).toBe(kind);
    expect((err as ImportFileError).message.length).toBeGreaterThan(15);
  });

  it('reads the Shapefile without .prj when --crs says the system', async () => {
    const a = await run(fixture('bad/no-prj.zip'), 'no-prj.zip', { crs: 'EPSG:9213' });
    expect(errors(a.issues)).toEqual([]);
    expect(a.features).toHaveLength(8);
  });

  it('reads the ogr2ogr Shapefile in VN-2000 / TM-3 by its ESRI .prj, matching the original within 0.5 m', async () => {
    const a = await run(fixture('vang-muoi-9213.zip'), 'vang-muoi-9213.zip');
    expect(a.crs).toMatchObject({ code: 'EPSG:9213', source: 'prj' });
    expect(errors(a.issues)).toEqual([]);
    const orig = new Map(vangMuoi().features.map((f) => [f.properties.id, f.geometry]));
    let worst = 0;
    for (const f of a.features) {
      const o = orig.get(f.id)!;
      (f.geometry as Polygon).coordinates[0]!.forEach((p) => {
        const d = Math.min(...o.coordinates[0]!.map((q) => Math.hypot((p[0]! - q[0]!) * 103_000, (p[1]! - q[1]!) * 110_750)));
        worst = Math.max(worst, d);
      });
    }
    expect(worst).toBeLessThan(0.5);
  });
});

/**
 * Files written by GDAL's ogr2ogr (PROJ does their reprojection, EPSG:6960 for VN-2000) must come
 * back through the import within 0.5 m of the original WGS 84 geometry. Generated in beforeAll
 * when gdal-bin is installed; skipped otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions } from '../../geodata/check-geometry.ts';
import { analyse } from '../../server/import/engine.ts';
import { readLayerFile } from '../../server/import/readers.ts';
import { bundledContext } from '../fixtures/import/context.ts';

const hasOgr = existsSync('/usr/bin/ogr2ogr');
const FIX = join(import.meta.dirname, '../fixtures/import');
const SRC = join(FIX, 'plots-vang-muoi.geojson');
let dir: string;
let ctx: Awaited<ReturnType<typeof bundledContext>>;

const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: 'pipe' });
async function zipDir(d: string, names: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const n of names) zip.file(n, readFileSync(join(d, n)));
  return zip.generateAsync({ type: 'uint8array' });
}

beforeAll(async () => {
  ctx = await bundledContext();
  if (!hasOgr) return;
  dir = mkdtempSync(join(tmpdir(), 'iz-ogr-'));
  ogr('-f', 'GPKG', '-t_srs', 'EPSG:3405', '-nln', 'plots', join(dir, 'utm48.gpkg'), SRC);
  ogr('-f', 'KML', join(dir, 'plots.kml'), SRC);
  ogr('-f', 'CSV', '-t_srs', 'EPSG:9213', '-lco', 'GEOMETRY=AS_WKT', join(dir, 'tm3.csv'), SRC);
  ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:3405', '-lco', 'RFC7946=NO', join(dir, 'utm48.geojson'), SRC);
  mkdirSync(join(dir, 'shp4756'));
  ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4756', '-lco', 'ENCODING=UTF-8', join(dir, 'shp4756', 'plots.shp'), SRC);
  // District seats as X/Y points in VN-2000 / TM-3, the way a surveyor's table comes.
  const seats = ctx.dataset.context.filter((c) => c.properties.kind === 'district_seat');
  writeFileSync(join(dir, 'seats.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: seats.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: { id: s.properties.id, kind: s.properties.kind, name_vi: s.properties.name.vi, name_en: s.properties.name.en } })),
  }));
  ogr('-f', 'CSV', '-t_srs', 'EPSG:9213', '-lco', 'GEOMETRY=AS_XY', join(dir, 'seats.csv'), join(dir, 'seats.geojson'));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

const original = () => JSON.parse(readFileSync(SRC, 'utf8')) as FeatureCollection<Polygon, { id: string }>;

describe.skipIf(!hasOgr)('files made by ogr2ogr', () => {
  it.each([
    ['utm48.gpkg', 'EPSG:3405', null],
    ['plots.kml', 'EPSG:4326', null],
    ['plots.kmz', 'EPSG:4326', null],
    ['tm3.csv', 'EPSG:9213', 'EPSG:9213'],
    ['utm48.geojson', 'EPSG:3405', null],
    ['shp4756.zip', 'EPSG:4756', null],
  ])('%s (%s) comes back within 0.5 m', async (name, crs, option) => {
    let bytes: Uint8Array;
    if (name === 'plots.kmz') {
      const zip = new JSZip();
      zip.file('doc.kml', readFileSync(join(dir, 'plots.kml')));
      bytes = await zip.generateAsync({ type: 'uint8array' });
    } else if (name === 'shp4756.zip') bytes = await zipDir(join(dir, 'shp4756'), readdirSync(join(dir, 'shp4756')));
    else bytes = new Uint8Array(readFileSync(join(dir, name)));
    const raw = await readLayerFile(bytes, name, { layer: 'plots', hasCrsOption: !!option });
    const a = analyse(raw, { layer: 'plots', zone: 'ccn-vang-muoi', crs: option }, ctx);
    expect(a.crs.code).toBe(crs);
    expect(a.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(a.features).toHaveLength(8);
    const orig = new Map(original().features.map((f) => [f.properties.id, f.geometry]));
    let worst = 0;
    for (const f of a.features) {
      const o = positions(orig.get(f.id)!);
      positions(f.geometry).forEach((p) => {
        worst = Math.max(worst, Math.min(...o.map((q) => Math.hypot((p[0]! - q[0]!) * 103_200, (p[1]! - q[1]!) * 110_750))));
      });
    }
    console.log(`${name}: max distance to the original ${worst.toFixed(4)} m`);
    expect(worst).toBeLessThan(0.5);
  });

  it('reads a CSV of X/Y points in VN-2000 / TM-3 as district seats', async () => {
    const raw = await readLayerFile(new Uint8Array(readFileSync(join(dir, 'seats.csv'))), 'seats.csv', { layer: 'context', hasCrsOption: true });
    const a = analyse(raw, { layer: 'context', crs: 'EPSG:9213' }, ctx);
    expect(a.issues.filter((i) => i.level === 'error')).toEqual([]);
    const seats = ctx.dataset.context.filter((c) => c.properties.kind === 'district_seat');
    expect(a.features).toHaveLength(seats.length);
    for (const f of a.features) {
      const o = seats.find((s) => s.properties.id === f.id)!.geometry.coordinates as number[];
      const p = f.geometry.coordinates as number[];
      expect(Math.hypot((p[0]! - o[0]!) * 103_200, (p[1]! - o[1]!) * 110_750)).toBeLessThan(0.5);
    }
  });

  it('without --crs, a metre CSV is refused with the system that fits', async () => {
    const raw = await readLayerFile(new Uint8Array(readFileSync(join(dir, 'seats.csv'))), 'seats.csv', { layer: 'context', hasCrsOption: false });
    expect(() => analyse(raw, { layer: 'context' }, ctx)).toThrow(/EPSG:9213/);
  });
});

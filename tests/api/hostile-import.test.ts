/**
 * Hostile files through POST /api/import (issue #9), as a signed-in planner: random bytes and
 * broken copies of valid files of every format and layer, hostile GeoJSON, CSV and GeoPackage
 * structures, zip bombs and files just under the size limit built to be expensive.
 *
 * The properties, for every request: an answer below 500 within 2 s; a 400/413/415 is
 * application/problem+json with a detail; a 200/422 is the { report, preview } JSON; and unless
 * the report says the import was committed, plots, zones, context, sources and the audit log are
 * exactly as before. Memory: see "memory stays bounded" below.
 *
 * tests/unit/import-fuzz.test.ts runs many more inputs of the same kinds below HTTP.
 */
import { FUZZ_SCALE, runs } from '../support/fuzz-seed.ts';
import { gc, MB, peakRss, rss } from '../support/memory.ts';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/import/index.ts';
import { loadSqlJs } from '../../server/import/readers.ts';
import { startHeavyThread } from '../../server/heavy/off-thread.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';
import {
  applyZipChange, buildSeeds, deepJson, entriesOf, EXT, FORMATS, HOSTILE_GPKG_SQL, hostileCsv, hostileGeoJson, mutate, mutations, rezip, ringAround, zipChange,
  ZONE, type Layer, type Seed,
} from '../fixtures/import/hostile.ts';

const { db, app, planner } = await signedInAppForFile();
let seeds: Seed[];
beforeAll(async () => {
  // The server loads this thread at start; a request is not timed for its loading.
  await startHeavyThread();
  seeds = await buildSeeds();
});


const enc = (s: string) => new TextEncoder().encode(s);
const finite = (x: unknown): boolean => (Array.isArray(x) ? x.length > 0 && x.every(finite) : typeof x === 'number' && Number.isFinite(x));
const layers = fc.constantFrom<Layer>('plots', 'zones', 'context');
/** Each property sends a few hundred requests of at most 2 s each. */
const LONG = 120_000 * Math.max(1, FUZZ_SCALE);

const counts = async () =>
  (await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM plots) AS plots, (SELECT count(*)::int FROM zones) AS zones, (SELECT count(*)::int FROM context) AS context,
            (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM audit_log) AS audit`,
  ))[0]!;

type Upload = { name?: string | null; layer: Layer; dryRun?: boolean; zone?: string | null; crs?: string | null; multipart?: boolean; headers?: Record<string, string>; query?: string };

function upload(bytes: Uint8Array, u: Upload) {
  const q = new URLSearchParams({ layer: u.layer });
  if (u.zone !== null && (u.zone ?? (u.layer === 'plots' ? ZONE : null))) q.set('zone', u.zone ?? ZONE);
  if (u.crs) q.set('crs', u.crs);
  if (u.dryRun !== false) q.set('dryRun', 'true');
  if (u.name && !u.multipart) q.set('filename', u.name);
  let body: BodyInit = bytes as BodyInit;
  if (u.multipart) {
    const form = new FormData();
    form.set('file', new File([bytes as BlobPart], u.name ?? 'upload.bin'));
    body = form;
  }
  return app.request(`/api/import?${q}${u.query ?? ''}`, {
    method: 'POST',
    headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, ...(u.headers ?? {}) },
    body,
  });
}

/** Requests sent per property, statuses, and the slowest answer: printed at the end. */
const tried = new Map<string, number>();
const statuses = new Map<number, number>();
let slowest = { ms: 0, label: '' };
let commits = 0;
let peakDuringFuzz = 0;
afterAll(() => {
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  console.log(
    `hostile import (HTTP): ${total} requests — ${[...tried].map(([k, v]) => `${k} ${v}`).join(', ')}; statuses ${[...statuses].sort().map(([k, v]) => `${k}×${v}`).join(' ')} (${commits} committed); ` +
      `slowest ${Math.round(slowest.ms)} ms (${slowest.label})`,
  );
});

/**
 * One upload and the properties every answer must have. Returns the status and whether the
 * import was committed (the only case in which the database may change).
 */
async function wellBehavedImport(label: string, bytes: Uint8Array, u: Upload): Promise<{ status: number; committed: boolean }> {
  tried.set(label, (tried.get(label) ?? 0) + 1);
  const before = await counts();
  const started = performance.now();
  const res = await upload(bytes, u);
  const text = await res.text();
  const ms = performance.now() - started;
  peakDuringFuzz = Math.max(peakDuringFuzz, rss());
  if (ms > slowest.ms) slowest = { ms, label };
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  expect(ms).toBeLessThan(2000);
  const type = res.headers.get('content-type') ?? '';
  let committed = false;
  if (res.status === 200 || res.status === 422) {
    expect(type).toMatch(/^application\/json/);
    const { report, preview } = JSON.parse(text) as { report: ImportReport; preview: { type: string; features: { geometry: { coordinates: unknown } }[] } };
    expect(preview.type).toBe('FeatureCollection');
    expect(report.dryRun).toBe(u.dryRun !== false);
    committed = report.committed;
    expect(committed).toBe(res.status === 200 && !report.dryRun && report.ok);
    if (res.status === 422) expect(report.ok).toBe(false);
    // What a commit would write: finite WGS 84 numbers only (JSON.stringify writes NaN and Infinity as null).
    for (const f of preview.features) expect(finite(f.geometry.coordinates)).toBe(true);
  } else {
    expect([400, 413, 415]).toContain(res.status);
    expect(type).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; detail: string };
    expect(problem.status).toBe(res.status);
    expect(problem.detail.length).toBeGreaterThan(10);
  }
  if (!committed) expect(await counts()).toEqual(before);
  else commits++;
  return { status: res.status, committed };
}

describe('hostile uploads', () => {
  let heapBefore = 0;
  let rssBefore = 0;
  beforeAll(() => {
    gc();
    heapBefore = process.memoryUsage().heapUsed;
    rssBefore = rss();
    peakDuringFuzz = rssBefore;
  });

  it.each(FORMATS)('random bytes named .%s, raw and multipart', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), fc.boolean(), layers, fc.boolean(), async (bytes, named, multipart, layer, dryRun) => {
        await wellBehavedImport(`random ${format}`, bytes, { name: named ? `f.${EXT[format]}` : null, layer, multipart, dryRun });
      }),
      runs(40),
    );
  }, LONG);

  it('valid files of every format and layer, broken; some sent for real (no dryRun)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, fc.boolean(), fc.boolean(), async (pick, ms, dryRun, multipart) => {
        const seed = seeds[pick % seeds.length]!;
        await wellBehavedImport(`mutated ${seed.format}`, mutate(seed.bytes, ms), { name: seed.name, layer: seed.layer, dryRun, multipart });
      }),
      runs(240),
    );
  }, LONG);

  it('Shapefile and KMZ zips with entries broken, .shp/.dbf header counts huge, entries dropped, swapped or renamed', async () => {
    const zipped = await Promise.all(seeds.filter((s) => s.format === 'shp' || s.format === 'kmz').map(async (s) => ({ seed: s, entries: await entriesOf(s.bytes) })));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(zipChange, { minLength: 1, maxLength: 3 }), fc.boolean(), async (pick, changes, dryRun) => {
        const { seed, entries } = zipped[pick % zipped.length]!;
        await wellBehavedImport(`zip entries ${seed.format}`, await rezip(changes.reduce(applyZipChange, entries)), { name: seed.name, layer: seed.layer, dryRun });
      }),
      runs(100),
    );
  }, LONG);

  it('GeoJSON with hostile geometries and properties, and deeply nested JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: hostileGeoJson, weight: 4 }, { arbitrary: deepJson, weight: 1 }), layers, fc.boolean(), async (text, layer, dryRun) => {
        await wellBehavedImport('geojson trees', enc(text), { name: 'f.geojson', layer, dryRun });
      }),
      runs(120),
    );
  }, LONG);

  it('CSV with huge fields and quotes', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCsv, layers, fc.option(fc.constantFrom('EPSG:4326', 'EPSG:9213')), async (text, layer, crs) => {
        await wellBehavedImport('csv', enc(text), { name: 'f.csv', layer, crs });
      }),
      runs(80),
    );
  }, LONG);

  it('GeoPackages with hostile schemas', async () => {
    const SQL = await loadSqlJs();
    const gpkgs = seeds.filter((s) => s.format === 'gpkg');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uniqueArray(fc.nat(HOSTILE_GPKG_SQL.length - 1), { minLength: 1, maxLength: 3 }), fc.boolean(), async (pick, statements, dryRun) => {
        const seed = gpkgs[pick % gpkgs.length]!;
        const sqlite = new SQL.Database(seed.bytes);
        for (const i of statements) {
          try {
            sqlite.exec(HOSTILE_GPKG_SQL[i]!.replaceAll('{t}', seed.layer));
          } catch {
            // A statement that does not apply to this file leaves it as it was.
          }
        }
        const bytes = sqlite.export();
        sqlite.close();
        await wellBehavedImport('gpkg schemas', bytes, { name: seed.name, layer: seed.layer, dryRun });
      }),
      runs(60),
    );
  }, LONG);

  it('hostile file names, zones, CRS and Content-Disposition headers', async () => {
    const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '.', '..', '../../etc/passwd', 'a.shp', 'a.dbf', 'a.xlsx', 'a.GEOJSON', 'a.zip.kmz', '%E0%A4%A', 'x'.repeat(300), 'ccn-vang-muoi', 'kcn-khong-co'));
    await fc.assert(
      fc.asyncProperty(fc.nat(), junk, junk, fc.option(fc.constantFrom('EPSG:4326', 'EPSG:9213', 'EPSG:99999', '4756', 'EPSG:0000')), junk, async (pick, name, zone, crs, disposition) => {
        const seed = seeds[pick % seeds.length]!;
        await wellBehavedImport('names and params', seed.bytes, {
          name: null, layer: seed.layer, zone: seed.layer === 'plots' ? zone || null : null, crs,
          headers: { 'Content-Disposition': `attachment; filename="${name.replace(/["\r\n]/g, '')}"; filename*=UTF-8''${disposition.replace(/[\s;]/g, '')}` },
        });
      }),
      runs(60),
    );
  }, LONG);

  /**
   * After a few hundred hostile uploads the live heap (after a full collection) may hold what the
   * first import loads once (sql.js, the CRS tables, turf) and nothing per request: it grows by
   * less than 64 MB. The resident size never rose more than 300 MB above where it started: the
   * inputs are at most a few hundred kilobytes, and before the limits one 50 MB file could take
   * 1-4 GB (a million broken rings crashed the process). sql.js keeps the WebAssembly memory it
   * grew to, which is why RSS is bounded by its peak, not compared at the end.
   */
  it('memory stays bounded', () => {
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const rssGrowth = Math.max(peakDuringFuzz, rss()) - rssBefore;
    console.log(`hostile import (HTTP) memory: heap ${(heapGrowth / MB).toFixed(1)} MB after gc, peak RSS +${(rssGrowth / MB).toFixed(0)} MB`);
    expect(heapGrowth).toBeLessThan(64 * MB);
    expect(rssGrowth).toBeLessThan(300 * MB);
  });
});

describe('files just under the size limit, built to be expensive', () => {
  const LIMIT = 50 * MB;
  /**
   * One pathological file of nearly IMPORT_MAX_BYTES (50 MB): refused with the given status,
   * quickly, and with the resident size at most 300 MB above where it was once the file was built.
   * The request itself holds the body two or three times (the Request, its ArrayBuffer, the
   * decoded text); without the limits these files took 1-4 GB, or crashed the process.
   */
  async function refusedCheaply(label: string, make: () => Uint8Array | Promise<Uint8Array>, name: string, layer: Layer, status: number, detail: RegExp) {
    let bytes: Uint8Array | null = await make();
    expect(bytes.length).toBeLessThanOrEqual(LIMIT + 1);
    gc();
    const base = rss();
    const peakBefore = peakRss();
    let sampled = base;
    const sampler = setInterval(() => (sampled = Math.max(sampled, rss())), 5);
    const started = performance.now();
    const res = await upload(bytes, { name, layer, dryRun: false });
    const problem = (await res.json()) as { detail: string; reason: string };
    const ms = performance.now() - started;
    clearInterval(sampler);
    const peak = Math.max(sampled, rss(), peakRss() > peakBefore ? peakRss() : 0);
    console.log(`${label}: ${(bytes.length / MB).toFixed(1)} MB → ${res.status} ${problem.reason} in ${Math.round(ms)} ms, RSS +${((peak - base) / MB).toFixed(0)} MB`);
    bytes = null;
    expect(res.status, problem.detail).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(problem.detail).toMatch(detail);
    expect(ms).toBeLessThan(5000);
    expect(peak - base).toBeLessThan(300 * MB);
  }

  it('GeoJSON: sixteen million empty features', () =>
    refusedCheaply('empty features', () => enc(`{"type":"FeatureCollection","features":[${'{},'.repeat(Math.floor((LIMIT - 100) / 3))}{}]}`), 'f.geojson', 'plots', 413, /objects, arrays and members/), LONG);

  it('GeoJSON: one polygon of 870,000 open rings', () =>
    refusedCheaply('open rings', () => enc(`{"type":"Feature","properties":{"code":"CN-01"},"geometry":{"type":"Polygon","coordinates":[${Array(870_000).fill('[[106.153,22.2155],[106.154,22.2155],[106.1535,22.216]]').join(',')}]}}`), 'f.geojson', 'plots', 413, /objects, arrays and members/), LONG);

  it('GeoJSON: nested 25 million arrays deep', () =>
    refusedCheaply('nested arrays', () => enc('['.repeat(LIMIT / 2 - 1) + ']'.repeat(LIMIT / 2 - 1)), 'f.geojson', 'plots', 400, /nested more than 64/), LONG);

  it('GeoJSON: a plot outline of 600,000 vertices', () =>
    refusedCheaply('giant outline', () => enc(JSON.stringify({ type: 'Feature', properties: { code: 'CN-01' }, geometry: { type: 'Polygon', coordinates: [ringAround(600_000)] } })), 'f.geojson', 'plots', 413, /coordinates/), LONG);

  it('KML: twelve million tags', () =>
    refusedCheaply('kml tags', () => enc(`<kml><Document>${'<a/>'.repeat(LIMIT / 4 - 10)}</Document></kml>`), 'f.kml', 'plots', 413, /tags/), LONG);

  it('KMZ bomb: 0.1 MB that unpacks to 120 MB', () =>
    refusedCheaply('kmz bomb', async () => {
      const zip = new JSZip();
      zip.file('doc.kml', new Uint8Array(120 * MB).fill(0x20));
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    }, 'f.kmz', 'plots', 413, /unpacks to more than/), LONG);

  it('Shapefile bomb: a .shp entry that unpacks past the limit', () =>
    refusedCheaply('shp bomb', async () => {
      const zip = new JSZip();
      zip.file('a.shp', new Uint8Array(80 * MB));
      zip.file('a.prj', 'GEOGCS["WGS 84"]');
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    }, 'f.zip', 'plots', 413, /unpacks to more than/), LONG);

  it('zip of 300,000 empty entries', () =>
    refusedCheaply('zip entries', () => {
      const parts: Buffer[] = [];
      const dir: Buffer[] = [];
      let offset = 0;
      for (let i = 0; i < 300_000; i++) {
        const name = Buffer.from(`${i}.shp`);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(name.length, 26);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        parts.push(local, name);
        dir.push(central, name);
        offset += 30 + name.length;
      }
      const cd = Buffer.concat(dir);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(0xffff, 8);
      end.writeUInt16LE(0xffff, 10);
      end.writeUInt32LE(cd.length, 12);
      end.writeUInt32LE(offset, 16);
      return new Uint8Array(Buffer.concat([...parts, cd, end]));
    }, 'f.zip', 'plots', 413, /more than 1000 files/), LONG);

  it('CSV: twelve million rows', () =>
    refusedCheaply('csv rows', () => enc('lon,lat\n' + '1,2\n'.repeat(LIMIT / 4 - 4)), 'f.csv', 'plots', 413, /separators and line breaks/), LONG);

  it('CSV: one quoted cell of 25 million doubled quotes', () =>
    refusedCheaply('csv quotes', () => enc('lon,lat\n"' + '""'.repeat(LIMIT / 2 - 10) + '",1'), 'f.csv', 'plots', 413, /quote characters/), LONG);

  it('GeoPackage: a layer that is an endless recursive view', () =>
    refusedCheaply('recursive view', async () => {
      const SQL = await loadSqlJs();
      const sqlite = new SQL.Database(seeds.find((s) => s.format === 'gpkg' && s.layer === 'plots')!.bytes);
      sqlite.exec(HOSTILE_GPKG_SQL[0]!.replaceAll('{t}', 'plots'));
      const out = sqlite.export();
      sqlite.close();
      return out;
    }, 'f.gpkg', 'plots', 415, /view/), LONG);

  it('one byte over the limit gets 413 before anything is read', () =>
    refusedCheaply('over the limit', () => new Uint8Array(LIMIT + 1).fill(0x20), 'f.geojson', 'plots', 413, /larger than/), LONG);
});

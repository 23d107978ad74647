/**
 * Property-based tests of the import readers and engine against hostile files (issue #9), below
 * HTTP so that many inputs fit in a few seconds: for every format and layer, random bytes and
 * broken copies of valid files either import or fail with an ImportFileError (what the route
 * turns into a 400/413/415 problem), each within 2 s. Any other exception is a bug (a 500).
 * tests/api/hostile-import.test.ts sends the same kinds of files through POST /api/import.
 */
import { kinks } from '@turf/turf';
import fc from 'fast-check';
import type { LineString, Polygon, Position } from 'geojson';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyse } from '../../server/import/engine.ts';
import { selfIntersectionsBounded } from '../../server/import/kinks.ts';
import { IMPORT_LIMITS, inflateBounded, jsonShape } from '../../server/import/limits.ts';
import { ImportFileError, loadSqlJs, readLayerFile } from '../../server/import/readers.ts';
import { FUZZ_SCALE, runs } from '../support/fuzz-seed.ts';
import { bundledContext } from '../fixtures/import/context.ts';
import {
  applyZipChange, buildSeeds, deepJson, entriesOf, EXT, FORMATS, HOSTILE_GPKG_SQL, hostileCsv, hostileGeoJson, mutate, mutations, rezip, zipChange,
  type Layer, type Seed,
} from '../fixtures/import/hostile.ts';

let ctx: Awaited<ReturnType<typeof bundledContext>>;
let seeds: Seed[];
beforeAll(async () => {
  ctx = await bundledContext();
  seeds = await buildSeeds();
  // papaparse says "Duplicate headers found and renamed." on the console for such CSVs.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
/** Each property runs a few hundred inputs of at most 2 s each: the whole test may take a while on a busy machine. */
const LONG = 60_000 * Math.max(1, FUZZ_SCALE);

/** Inputs tried per property and how they ended, printed at the end (the README's "inputs tried" figure). */
const tried = new Map<string, number>();
const outcomes = new Map<string, number>();
let slowest = { ms: 0, label: '' };
afterAll(() => {
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  console.log(
    `import fuzz (unit): ${total} inputs — ${[...tried].map(([k, v]) => `${k} ${v}`).join(', ')}; outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `slowest ${Math.round(slowest.ms)} ms (${slowest.label})`,
  );
});

const enc = (s: string) => new TextEncoder().encode(s);
const layers = fc.constantFrom<Layer>('plots', 'zones', 'context');

/**
 * One import below HTTP. The property: an ImportFileError with a message, or a report whose
 * listed issues stay within the limit and whose accepted features have finite WGS 84
 * coordinates; within 2 s. Anything else is thrown, and fast-check shrinks and reports it.
 */
async function importOnce(label: string, bytes: Uint8Array, name: string | null, layer: Layer, crs: string | null = null): Promise<string> {
  tried.set(label, (tried.get(label) ?? 0) + 1);
  const started = performance.now();
  try {
    const raw = await readLayerFile(bytes, name, { layer, hasCrsOption: !!crs });
    const a = analyse(raw, { layer, zone: layer === 'plots' ? 'ccn-vang-muoi' : null, crs }, ctx);
    expect(a.issues.length).toBeLessThanOrEqual(IMPORT_LIMITS.issuesListed);
    expect(a.counts.errors + a.counts.warnings).toBeGreaterThanOrEqual(a.issues.length);
    for (const f of a.features) {
      const text = JSON.stringify(f.geometry);
      expect(text).not.toMatch(/null|NaN|Infinity/);
    }
    outcomes.set(a.features.length ? 'accepted' : 'report', (outcomes.get(a.features.length ? 'accepted' : 'report') ?? 0) + 1);
    return 'read';
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    expect(err.message.length).toBeGreaterThan(10);
    outcomes.set(err.kind, (outcomes.get(err.kind) ?? 0) + 1);
    return err.kind;
  } finally {
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { ms, label };
    expect(ms).toBeLessThan(2000);
  }
}

describe('random bytes', () => {
  it.each(FORMATS)('named .%s, and unnamed', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'binary', maxLength: 2000 }).map(enc)), fc.boolean(), layers, async (bytes, named, layer) => {
        // Sometimes with a format's magic bytes in front, so the reader (not only detection) sees it.
        const magic = { geojson: '{', kml: '<kml>', kmz: 'PK\u0003\u0004', shp: 'PK\u0003\u0004', gpkg: 'SQLite format 3\u0000', csv: 'lon,lat\n' }[format];
        const body = named ? bytes : new Uint8Array([...enc(magic), ...bytes]);
        await importOnce(`random ${format}`, body, named ? `f.${EXT[format]}` : null, layer);
      }),
      runs(60),
    );
  }, LONG);
});

describe('valid files, broken', () => {
  it('every format and layer: bytes set, cut, inserted, deleted, repeated; header counts made huge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, fc.option(fc.constantFrom('EPSG:4326', 'EPSG:9213', 'EPSG:3405')), async (pick, ms, crs) => {
        const seed = seeds[pick % seeds.length]!;
        await importOnce(`mutated ${seed.format}`, mutate(seed.bytes, ms), seed.name, seed.layer, crs);
      }),
      runs(700),
    );
  }, LONG);

  it('Shapefile and KMZ zips: an entry broken, .shp/.dbf header counts set huge, entries dropped, swapped or renamed', async () => {
    const zipped = await Promise.all(seeds.filter((s) => s.format === 'shp' || s.format === 'kmz').map(async (s) => ({ seed: s, entries: await entriesOf(s.bytes) })));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(zipChange, { minLength: 1, maxLength: 3 }), fc.constantFrom<'STORE' | 'DEFLATE'>('STORE', 'DEFLATE'), async (pick, changes, compression) => {
        const { seed, entries } = zipped[pick % zipped.length]!;
        const changed = changes.reduce(applyZipChange, entries);
        await importOnce(`zip entries ${seed.format}`, await rezip(changed, compression), seed.name, seed.layer);
      }),
      runs(300),
    );
  }, LONG);
});

describe('hostile structures', () => {
  it('GeoJSON: geometries of any shape, NaN / Infinity / 1e308 coordinates, wrong property types, giant outlines', async () => {
    await fc.assert(
      fc.asyncProperty(hostileGeoJson, layers, async (text, layer) => {
        await importOnce('geojson trees', enc(text), 'f.geojson', layer);
      }),
      runs(300),
    );
  }, LONG);

  it('ids and values that are objects with their own toString (a counterexample CI found) are read as their JSON', async () => {
    const hostile = { toString: null, valueOf: null };
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: [], geometry: { type: 'MultiLineString', coordinates: [[[106.1525, 22.215]]] }, properties: {} },
        { type: 'Feature', id: hostile, geometry: null, properties: {} },
        { type: 'Feature', id: 'cn-90', geometry: { type: 'Polygon', coordinates: [[[106.15, 22.21], [106.151, 22.21], [106.151, 22.211], [106.15, 22.21]]] },
          properties: { land_use: 'industrial', code: hostile, status: hostile, area_ha: hostile, leased_since: hostile, name: hostile } },
      ],
    });
    for (const layer of ['plots', 'zones', 'context'] as const) {
      expect(await importOnce('object values', enc(text), 'f.geojson', layer)).toBe('read');
    }
    const raw = await readLayerFile(enc(text), 'f.geojson', { layer: 'plots', hasCrsOption: false });
    const a = analyse(raw, { layer: 'plots', zone: 'ccn-vang-muoi', crs: null }, ctx);
    expect(a.issues.find((i) => i.index === 1)?.id).toBe('{"toString":null,"valueOf":null}');
    expect(a.issues.filter((i) => i.index === 2).map((i) => i.message)).toContain(
      'unknown status "{"toString":null,"valueOf":null}"; expected one of leased, reserved, available, not_developed (or their Vietnamese names)',
    );
  });

  it('deeply nested JSON', async () => {
    await fc.assert(
      fc.asyncProperty(deepJson, layers, async (text, layer) => {
        await importOnce('deep json', enc(text), 'f.json', layer);
      }),
      runs(40),
    );
  }, LONG);

  it('CSV: huge fields, stray and doubled quotes, any separator and line end', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCsv, layers, async (text, layer) => {
        await importOnce('csv', enc(text), 'f.csv', layer);
      }),
      runs(200),
    );
  }, LONG);

  it('GeoPackage: recursive views, generated columns, virtual tables, wrong types, damaged blobs', async () => {
    const SQL = await loadSqlJs();
    const gpkgs = seeds.filter((s) => s.format === 'gpkg');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uniqueArray(fc.nat(HOSTILE_GPKG_SQL.length - 1), { minLength: 1, maxLength: 3 }), async (pick, statements) => {
        const seed = gpkgs[pick % gpkgs.length]!;
        const db = new SQL.Database(seed.bytes);
        for (const i of statements) {
          try {
            db.exec(HOSTILE_GPKG_SQL[i]!.replaceAll('{t}', seed.layer));
          } catch {
            // A statement that does not apply to this file leaves it as it was.
          }
        }
        const bytes = db.export();
        db.close();
        await importOnce('gpkg schemas', bytes, seed.name, seed.layer);
      }),
      runs(120),
    );
  }, LONG);
});

describe('the guards themselves', () => {
  it('the JSON scan measures what JSON.parse builds', () => {
    const depthOf = (v: unknown): number => (v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    const nodesOf = (v: unknown): number => (v && typeof v === 'object' ? 1 + (Array.isArray(v) ? 0 : Object.keys(v).length) + Object.values(v).reduce<number>((n, x) => n + nodesOf(x), 0) : 0);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        tried.set('json scan', (tried.get('json scan') ?? 0) + 1);
        const shape = jsonShape(enc(JSON.stringify(v)), 1000, 1e9);
        expect(shape).toEqual({ depth: depthOf(v), nodes: nodesOf(v) });
      }),
      runs(300),
    );
  }, LONG);

  it('the sweep finds the same self-intersections as turf', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([x, y]) => [106 + x / 1000, 22 + y / 1000] as Position);
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 40 }), fc.boolean(), (pts, ring) => {
        tried.set('sweep vs turf', (tried.get('sweep vs turf') ?? 0) + 1);
        const g: LineString | Polygon = ring && pts.length >= 3 ? { type: 'Polygon', coordinates: [[...pts, pts[0]!]] } : { type: 'LineString', coordinates: pts };
        const turf = kinks(g).features.length;
        const swept = selfIntersectionsBounded(g, { left: 1e9 }, 0);
        expect('problem' in swept && swept.problem ? Number(/at (\d+) point/.exec(swept.problem)![1]) : 0).toBe(turf);
      }),
      runs(300),
    );
  }, LONG);

  it('a zip entry is inflated only up to the budget, whatever its header claims', async () => {
    const zip = new JSZip();
    zip.file('doc.kml', new Uint8Array(8 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const loaded = await JSZip.loadAsync(bytes);
    expect(await inflateBounded(loaded.file('doc.kml')!, { left: 1024 * 1024 })).toBeNull();
    const budget = { left: 9 * 1024 * 1024 };
    expect((await inflateBounded(loaded.file('doc.kml')!, budget))!.length).toBe(8 * 1024 * 1024);
    expect(budget.left).toBe(1024 * 1024);
  });
});

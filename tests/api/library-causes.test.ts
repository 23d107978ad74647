/**
 * A file the import cannot read, broken the way real files break (truncated JSON, a damaged zip,
 * a Shapefile or GeoPackage cut short, an unclosed CSV quote, malformed KML, an upload that is
 * not multipart at all), an export that cannot be made, a database that cannot write: the
 * refusal's sentence is in the language asked for, with no library's (or database's) English
 * inside it. Those own words, which operators need, travel apart in `cause`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { app, api, db, planner } = await signedInAppForFile();
const FIX = join(import.meta.dirname, '../fixtures/import');

const zipOf = async (files: Record<string, Uint8Array | string>) => {
  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
  return zip.generateAsync({ type: 'arraybuffer' });
};
/** A .shp whose header is right and whose first record claims more bytes than the file has. */
const cutShp = () => {
  const b = new Uint8Array(100 + 8 + 4);
  const v = new DataView(b.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, b.byteLength / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  v.setInt32(100, 1, false);
  v.setInt32(104, 500, false);
  v.setInt32(108, 5, true);
  return b;
};
const sqliteHeaderThenJunk = () => {
  const b = new Uint8Array(4096).fill(0x41);
  b.set(new TextEncoder().encode('SQLite format 3\0'));
  return b;
};

/** `ours`: the damage is found by our own checks before a library reads the file, so there is no library text. */
type Case = { name: string; body: () => Promise<BodyInit> | BodyInit; contentType?: string; ours?: true };
const CASES: Case[] = [
  { name: 'truncated.geojson', body: () => readFileSync(join(FIX, 'bad/truncated.geojson')) },
  { name: 'syntax.geojson', body: () => '{"type": "FeatureCollection", "features": [}' },
  { name: 'damaged.zip', body: () => 'PK\u0003\u0004 not really a zip' },
  { name: 'cut.zip', body: async () => zipOf({ 'plots.shp': cutShp(), 'plots.prj': 'GEOGCS["WGS 84"]' }), ours: true },
  { name: 'junk.gpkg', body: () => sqliteHeaderThenJunk() },
  { name: 'quote.csv', body: () => '"name,lon,lat\n"a,105.8,22.1\n' },
  { name: 'broken.kml', body: () => '<kml><Document><Placemark><name>a</Placemark></kml>' },
  { name: 'upload.geojson', body: () => 'not a multipart body', contentType: 'multipart/form-data; boundary=xyz' },
];

async function refusal(c: Case, lang: 'vi' | 'en') {
  const res = await app.request(`/api/import?layer=plots&zone=ccn-vang-muoi&dryRun=true&filename=${c.name}`, {
    method: 'POST',
    headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, 'Accept-Language': lang, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) },
    body: await c.body(),
  });
  expect(res.status, c.name).toBeGreaterThanOrEqual(400);
  expect(res.status, c.name).toBeLessThan(500);
  return (await res.json()) as Problem & { cause?: string };
}

describe('an unreadable file is refused in the reader\'s language, the library\'s words kept apart', () => {
  it.each(CASES)('$name', async (c) => {
    const vi = await refusal(c, 'vi');
    const en = await refusal(c, 'en');
    const sentence = (p: Problem) => withoutNames(`${p.title}. ${p.detail ?? ''}`, [c.name]);
    expect(foreignText(sentence(vi), 'vi', []), JSON.stringify(vi)).toEqual([]);
    expect(foreignText(sentence(en), 'en', []), JSON.stringify(en)).toEqual([]);
    // No param carries a library's text into a sentence: params are data (numbers, names).
    expect(Object.keys(vi.params ?? {}), JSON.stringify(vi)).not.toContain('cause');
    // The library's words, for operators: the same in both languages, never inside the sentence.
    if (c.ours) return expect(vi.cause, JSON.stringify(vi)).toBeUndefined();
    expect(vi.cause, JSON.stringify(vi)).toEqual(expect.any(String));
    expect(en.cause).toBe(vi.cause);
    expect(vi.detail ?? '').not.toContain(vi.cause!);
    expect(en.detail ?? '').not.toContain(en.cause!);
  });
});

describe('other refusals that used to quote English inside the sentence', () => {
  const sentence = (p: Problem) => `${p.title}. ${p.detail ?? ''}`;

  it('an export that cannot be made', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const res = await api.call(planner, 'GET', '/api/export?layer=plots&format=kml&crs=EPSG:9213', undefined, { 'Accept-Language': lang });
      expect(res.status).toBe(400);
      const p = (await res.json()) as Problem;
      expect(foreignText(sentence(p), lang, []), JSON.stringify(p)).toEqual([]);
      // Named by what is wrong, not as a bare "invalid value".
      expect(p['invalid-params']).toEqual([expect.objectContaining({ name: 'crs', code: 'kmlWgs84' })]);
    }
  });

  it.skipIf(!!process.env.DATABASE_URL)('a write to a database that cannot write', async () => {
    const plot = await api.call(planner, 'GET', '/api/plots/ccn-vang-muoi-cn-01');
    await db.query('SET default_transaction_read_only = on');
    try {
      const said = await Promise.all(
        (['vi', 'en'] as const).map(async (lang) => {
          const res = await api.call(planner, 'PATCH', '/api/plots/ccn-vang-muoi-cn-01', { sector: 'x' }, { 'If-Match': plot.headers.get('etag')!, 'Accept-Language': lang });
          expect(res.status).toBe(503);
          const p = (await res.json()) as Problem & { cause?: string };
          expect(foreignText(sentence(p), lang, []), JSON.stringify(p)).toEqual([]);
          return p;
        }),
      );
      const [vi, en] = said;
      expect(vi!.cause).toMatch(/read-only/);
      expect(en!.cause).toBe(vi!.cause);
      expect(en!.detail).not.toContain(en!.cause!);
    } finally {
      await db.query('SET default_transaction_read_only = off');
    }
  });
});

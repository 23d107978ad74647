/**
 * Hostile text (tests/e2e/xss-fixture.ts) in every export: GeoJSON and GeoPackage keep it
 * exactly; CSV keeps it except that cells starting a spreadsheet formula get a leading quote; KML
 * is well-formed XML (parsed by Chromium's own parser) whose text nodes hold it and which has no
 * element made from it; the PNG map picture, the PDF brief and the printed brochure are made in
 * Chromium with it present, run nothing, and (the PDFs, read back with poppler's pdftotext) show it
 * as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../client/map/style/ids.ts';
import { loadSqlJs } from '../../server/import/readers.ts';
import { chromiumPath } from './browser.ts';
import { downloadExport, zonePanel } from './driver.ts';
import { startHarness, waitForRendered, type Harness } from './harness.ts';
import { CODE, expectInert, FORMULA, openWatched, plant, SOURCE_URL, squeeze, V, ZONE, type Planted } from './xss-fixture.ts';

const T = { timeout: 30_000 };
let h: Harness | null;
let planted: Planted;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  if (h) planted = await plant(h);
  tmp = mkdtempSync(join(tmpdir(), 'iz-xss-'));
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await h?.close();
});

async function download(path: string) {
  const res = await fetch(`${h!.url}${path}`);
  expect(res.status).toBe(200);
  // A download, never a page: not rendered in the browser, and not sniffed into HTML.
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  return res;
}
const csvRows = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const byId = <T extends { id?: string | number }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

function pdftotext(bytes: Uint8Array, name: string): string | null {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch {
    const help = 'pdftotext not found: install poppler-utils to read the PDFs back';
    if (process.env.CI === 'true') throw new Error(help);
    console.warn(`\n*** PDF text not checked: ${help}\n`);
    return null;
  }
}

/** A PDF that could act when opened: scripts, launch actions, links. The brief and brochure need none. */
const PDF_ACTIONS = /\/(JavaScript|JS|Launch|URI|SubmitForm|ImportData|RichMedia)\b/;

describe.skipIf(!chromiumPath())('hostile text in the exports', () => {
  it('GeoJSON and GeoPackage keep it exactly', async () => {
    const zones = (await (await download('api/export?layer=zones&format=geojson')).json()) as FeatureCollection;
    const z = byId(zones.features as (Feature & { id: string })[], ZONE).properties!;
    expect(z.name).toEqual({ vi: V.zoneNameVi, en: V.zoneNameEn });
    expect(z.developer.text).toBe(V.developer);
    expect(z.note).toBe(V.zoneNote);
    expect(z.sectors).toEqual(V.sectors);
    expect(z.addressNew.commune).toBe(V.communeNew);
    expect(z.addressOld.commune).toBe(V.communeOld);
    expect((zones as unknown as { sources: { id: string; title: string; url: string }[] }).sources.find((s) => s.id === 'backan-gov-bba5')).toMatchObject({ title: V.sourceTitle, url: SOURCE_URL });
    const plots = (await (await download(`api/export?layer=plots&zone=${ZONE}&format=geojson`)).json()) as FeatureCollection;
    expect(byId(plots.features, planted.heldPlot).properties).toMatchObject({ tenant: V.heldTenant, sector: V.heldSector });
    expect(byId(plots.features, planted.freePlot).properties).toMatchObject({ code: CODE, sector: V.freeSector, note: V.freeNote });

    const SQL = await loadSqlJs();
    const gpkg = new SQL.Database(new Uint8Array(await (await download(`api/export?layer=plots&zone=${ZONE}&format=gpkg`)).arrayBuffer()));
    const [res] = gpkg.exec('SELECT id, code, tenant, sector, note FROM plots WHERE id IN (?, ?) ORDER BY id', [planted.heldPlot, planted.freePlot]);
    const rows = Object.fromEntries(res!.values.map(([id, ...rest]) => [id, rest]));
    expect(rows[planted.heldPlot]!.slice(1, 3)).toEqual([V.heldTenant, V.heldSector]);
    expect(rows[planted.freePlot]).toEqual([CODE, null, V.freeSector, V.freeNote]);
    gpkg.close();
  });

  it('CSV keeps it, and a cell that would start a spreadsheet formula starts with a quote instead', async () => {
    const zones = csvRows(await (await download('api/export?layer=zones&format=csv')).text());
    const z = byId(zones, ZONE);
    expect(z).toMatchObject({ name_vi: V.zoneNameVi, name_en: `'${V.zoneNameEn}`, note: `'${V.zoneNote}`, address_old_commune: V.communeOld, address_new_commune: V.communeNew });
    const plots = csvRows(await (await download(`api/export?layer=plots&zone=${ZONE}&format=csv`)).text());
    expect(byId(plots, planted.heldPlot)).toMatchObject({ tenant: `'${V.heldTenant}`, sector: V.heldSector });
    expect(byId(plots, planted.freePlot)).toMatchObject({ code: CODE, sector: `'${V.freeSector}`, note: V.freeNote });
    // Each of the four formula starts was planted, and none is left for a spreadsheet to run.
    expect([z.name_en, z.note, byId(plots, planted.heldPlot).tenant, byId(plots, planted.freePlot).sector].map((c) => c![1])).toEqual(['@', '=', '-', '+']);
    for (const row of [...zones, ...plots]) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(FORMULA.every((f) => [...zones, ...plots].some((r) => Object.values(r).some((c) => c?.startsWith(`'${f}`))))).toBe(true);
  });

  it('KML is well-formed XML whose text is the text, with no element made from it (parsed by Chromium)', async () => {
    const zonesKml = await (await download('api/export?layer=zones&format=kml')).text();
    const plotsKml = await (await download(`api/export?layer=plots&zone=${ZONE}&format=kml`)).text();
    const page = await h!.browser.newPage();
    const read = (kml: string, id: string) =>
      page.evaluate(
        ([text, placemarkId]) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const error = doc.querySelector('parsererror')?.textContent ?? null;
          const foreign = [...doc.getElementsByTagName('*')].map((e) => e.localName).filter((n) => /^(script|img|svg|iframe|object|embed|a|style)$/i.test(n));
          const pm = [...doc.getElementsByTagName('Placemark')].find((p) => p.getAttribute('id') === placemarkId);
          const data = Object.fromEntries([...(pm?.getElementsByTagName('Data') ?? [])].map((d) => [d.getAttribute('name'), d.getElementsByTagName('value')[0]?.textContent ?? null]));
          const folder = doc.getElementsByTagName('Folder')[0]!;
          const child = (el: Element, tag: string) => [...el.children].find((c) => c.localName === tag)?.textContent ?? null;
          return { error, foreign, name: pm ? child(pm, 'name') : null, data, folderDescription: child(folder, 'description') };
        },
        [kml, id] as const,
      );
    const zone = await read(zonesKml, ZONE);
    expect(zone.error).toBeNull();
    expect(zone.foreign).toEqual([]);
    expect(zone.name).toBe(V.zoneNameVi);
    expect(zone.data).toMatchObject({ name_vi: V.zoneNameVi, name_en: V.zoneNameEn, note: V.zoneNote, address_old_commune: V.communeOld, address_new_commune: V.communeNew });
    expect(zone.folderDescription).toContain(`backan-gov-bba5 — ${V.sourceTitle} (${SOURCE_URL})`);
    const held = await read(plotsKml, planted.heldPlot);
    const free = await read(plotsKml, planted.freePlot);
    expect(held.error).toBeNull();
    expect(held.foreign).toEqual([]);
    expect(held.data).toMatchObject({ tenant: V.heldTenant, sector: V.heldSector });
    expect(free.name).toBe(CODE);
    expect(free.data).toMatchObject({ code: CODE, sector: V.freeSector, note: V.freeNote });
    await page.close();
  });

  it('the PNG map picture is made with it present and runs nothing', async () => {
    const w = await openWatched(h!, `#zone=${ZONE}`, { acceptDownloads: true });
    await waitForRendered(w.page, [LAYERS.zonesFill]);
    await expect.poll(() => zonePanel(w.page).textContent(), T).toContain(V.zoneNameVi);
    const file = await downloadExport(w.page, '1x', 90_000);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await expectInert(w);
    await w.close();
  }, 120_000);

  it('the PDF brief is made with it present, runs nothing, shows it as text and holds no action', async () => {
    // The brief has a page per zone (about a minute for all of them under software WebGL): the
    // page is given the hostile zone alone, so the brief is the province page and that zone's.
    const oneZone = async (page: Page) => {
      await page.route(/\/api\/zones$/, async (route) => {
        const res = await route.fetch();
        const fc = (await res.json()) as FeatureCollection;
        await route.fulfill({ response: res, json: { ...fc, features: fc.features.filter((f) => f.id === ZONE) } });
      });
    };
    const w = await openWatched(h!, '', { acceptDownloads: true, prepare: oneZone });
    await waitForRendered(w.page, [LAYERS.zonesFill]);
    const file = await downloadExport(w.page, 'pdf', 150_000);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).not.toMatch(PDF_ACTIONS);
    await expectInert(w);
    await w.close();
    const text = pdftotext(bytes, 'brief.pdf');
    if (text !== null) {
      // The zone's page: the developer, the source's title, publisher and url in full, and the
      // 164-character name as the page title, shrunk and wrapped onto the page (it used to run off
      // the page edge after about 45 characters, where pdftotext no longer sees it).
      expect(text.split('\f').filter((pg) => pg.trim())).toHaveLength(2);
      const flat = squeeze(text);
      expect(flat).toContain(squeeze(V.zoneNameVi));
      for (const v of [V.developer, V.sourceTitle, V.sourcePublisher, SOURCE_URL]) expect(flat).toContain(squeeze(v));
    }
  }, 180_000);

  it('the printed brochure shows it as text and runs nothing', async () => {
    const w = await openWatched(h!, `#brochure=plot:${planted.freePlot}`);
    const sheet = w.page.getByTestId('brochure');
    await expect.poll(() => sheet.textContent(), T).toContain(V.zoneNameVi);
    await expect.poll(async () => (await sheet.getByTestId('brochure-map').getAttribute('src'))?.length ?? 0, T).toBeGreaterThan(5_000);
    await w.page.emulateMedia({ media: 'print' });
    const pdf = await w.page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData)\b/);
    await expectInert(w);
    await w.close();
    const text = pdftotext(pdf, 'brochure.pdf');
    if (text !== null) {
      const flat = squeeze(text);
      for (const v of [CODE, V.zoneNameVi, V.developer, V.sourceTitle]) expect(flat).toContain(squeeze(v));
    }
  }, 120_000);
});

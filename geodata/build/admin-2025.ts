/**
 * The 2025 administrative geography of geodata/admin/, built from the publisher's boundaries in
 * ../shared/data/vn-admin-2025/ (see its README for provenance) with mapshaper. Deterministic:
 * the same inputs and the same mapshaper version give the same bytes (a unit test regenerates
 * and compares; geodata:check holds the files to the hashes in manifest.json).
 *
 * Why these tolerances (Douglas–Peucker, metres on the ground; arcs are shared, so neighbouring
 * communes keep sharing their simplified edges):
 * - communes.geojson, 20 m, 5 decimals: the browser file. At the zooms where communes are drawn
 *   (≤ 14) 20 m is under two pixels; the whole file stays under the budget in ADMIN_BUDGET.
 * - communes-joins.geojson, 2 m, 6 decimals: for largest-overlap joins (derive-commune.ts). A
 *   boundary moves at most 2 m, so an overlap changes by at most 2 m × the length of the boundary
 *   inside the zone: for a 1 ha zone (100 m across) 200 m², 2 % of it. Only a zone split within
 *   2 % between two communes could change sides, and such a zone is on the line anyway.
 * - former-bac-kan.geojson and province.geojson: dissolves of the 20 m communes, so their edges
 *   are exactly the commune edges drawn beside them; gaps between neighbours that do not quite
 *   meet (slivers) under SLIVER_HA are filled.
 * - provinces.geojson, 500 m, 4 decimals: the national view (zoom ≤ 7). keep-shapes only keeps a
 *   feature's largest ring, so the provinces are exploded into their islands first and dissolved
 *   back after: every island survives, so Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) are all there.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import mapshaper from 'mapshaper';

const MAPSHAPER_VERSION: string = createRequire(import.meta.url)('mapshaper/package.json').version;

/** The shared source folder, relative to the repository (as ../shared/... everywhere in the docs). */
export const ADMIN_SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'vn-admin-2025');
export const ADMIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'admin');

export const ADMIN_INPUTS = {
  communes: 'thai-nguyen-communes.geojson',
  province: 'thai-nguyen-province.geojson',
  provinces: 'vietnam-provinces-2025.geojson',
} as const;

export const ADMIN_FILES = {
  communes: 'communes.geojson',
  joins: 'communes-joins.geojson',
  province: 'province.geojson',
  formerBacKan: 'former-bac-kan.geojson',
  provinces: 'provinces.geojson',
  manifest: 'manifest.json',
} as const;

/** Raw bytes the browser may fetch for the commune boundaries (the gzip budget is what a user waits for). */
export const ADMIN_BUDGET = { communesBytes: 700_000, communesGzipBytes: 160_000, provincesBytes: 250_000 } as const;

/** Gaps between neighbouring communes' edges smaller than this are slivers, filled by the dissolves. */
const SLIVER_HA = 5;

const COMMUNE_FIELDS = ['code', 'name', 'nameEn', 'fullName', 'fullNameEn', 'type', 'areaKm2', 'formedFrom', 'formerProvince'] as const;
const PROVINCE_FIELDS = ['code', 'name', 'nameEn', 'fullName', 'fullNameEn', 'areaKm2'] as const;

type Props = Record<string, unknown>;
type AreaFeature = Feature<Polygon | MultiPolygon, Props>;

/** Runs mapshaper on in-memory GeoJSON text; `decimals` rounds the output coordinates. */
async function run(commands: string, input: Record<string, string>, decimals: number): Promise<FeatureCollection<Polygon | MultiPolygon, Props>> {
  const out = await mapshaper.applyCommands(
    `${commands} -o out.json format=geojson geojson-type=FeatureCollection rfc7946 precision=${10 ** -decimals}`,
    input,
  );
  const text = out['out.json'];
  if (text === undefined) throw new Error(`mapshaper wrote nothing for: ${commands}`);
  return JSON.parse(String(text));
}

/** "Xã Cẩm Giàng" → xã, "Phường Đức Xuân" → phường. */
function communeType(fullName: string): 'xã' | 'phường' {
  const head = fullName.normalize('NFC').toLocaleLowerCase('vi');
  if (head.startsWith('xã ')) return 'xã';
  if (head.startsWith('phường ')) return 'phường';
  throw new Error(`unknown unit type in "${fullName}"`);
}

const pick = (props: Props, fields: readonly string[]): Props => Object.fromEntries(fields.map((f) => [f, props[f] ?? null]));

/** One feature per line, properties in a fixed order: small diffs, stable bytes. */
function serialize(features: AreaFeature[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', id: f.id, properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function readInput(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

/** Every file of geodata/admin/, by name, as the build writes it. */
export async function buildAdminFiles(sourceDir = ADMIN_SOURCE_DIR): Promise<Record<string, string>> {
  const texts = {
    communes: await readInput(sourceDir, ADMIN_INPUTS.communes),
    province: await readInput(sourceDir, ADMIN_INPUTS.province),
    provinces: await readInput(sourceDir, ADMIN_INPUTS.provinces),
  };
  const communesIn = { 'communes.json': texts.communes };
  const bySource = (fc: FeatureCollection<Polygon | MultiPolygon, Props>) =>
    fc.features
      .map((f): AreaFeature => {
        const props: Props = { ...f.properties, type: communeType(String(f.properties.fullName)) };
        return { type: 'Feature', id: String(props.code), properties: pick(props, COMMUNE_FIELDS), geometry: f.geometry };
      })
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));

  const communes = bySource(await run('-i communes.json -simplify dp interval=20 keep-shapes', communesIn, 5));
  const joins = bySource(await run('-i communes.json -simplify dp interval=2 keep-shapes', communesIn, 6));

  // Dissolving the 20 m communes themselves: their shared edges are identical, so the outlines
  // follow the commune edges drawn beside them exactly.
  const communesText = serialize(communes);
  const dissolve = (filter: string) =>
    run(`-i communes.json ${filter} -dissolve2 gap-fill-area=${SLIVER_HA * 10_000}m2`, { 'communes.json': communesText }, 5);
  const [formerBk] = (await dissolve(`-filter 'formerProvince == "Bắc Kạn"'`)).features;
  const [province] = (await dissolve('')).features;
  const provinceProps = (JSON.parse(texts.province) as FeatureCollection<Polygon, Props>).features[0]!.properties;
  if (!formerBk || !province) throw new Error('a dissolve came back empty');

  const provinces = (await run(`-i provinces.json -explode -simplify dp interval=500 keep-shapes -dissolve code copy-fields=${PROVINCE_FIELDS.filter((f) => f !== 'code').join(',')}`, { 'provinces.json': texts.provinces }, 4)).features
    .map((f): AreaFeature => ({ type: 'Feature', id: String(f.properties.code), properties: pick(f.properties, PROVINCE_FIELDS), geometry: f.geometry }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

  const files: Record<string, string> = {
    [ADMIN_FILES.communes]: communesText,
    [ADMIN_FILES.joins]: serialize(joins),
    [ADMIN_FILES.province]: serialize([{ type: 'Feature', id: String(provinceProps.code), properties: pick(provinceProps, PROVINCE_FIELDS), geometry: province.geometry }]),
    [ADMIN_FILES.formerBacKan]: serialize([
      {
        type: 'Feature',
        id: 'former-bac-kan',
        properties: { name: 'Tỉnh Bắc Kạn (cũ)', nameEn: 'Bắc Kạn province (former)', formerProvince: 'Bắc Kạn', communes: communes.filter((c) => c.properties.formerProvince === 'Bắc Kạn').length },
        geometry: formerBk.geometry,
      },
    ]),
    [ADMIN_FILES.provinces]: serialize(provinces),
  };
  const manifest = {
    note: 'Written by `npm run geodata:admin` from ../shared/data/vn-admin-2025/ (geodata/build/admin-2025.ts); geodata:check compares the files with these hashes.',
    mapshaper: MAPSHAPER_VERSION,
    inputs: Object.fromEntries(Object.entries(ADMIN_INPUTS).map(([k, file]) => [file, sha256(texts[k as keyof typeof texts])])),
    outputs: Object.fromEntries(Object.entries(files).map(([file, text]) => [file, { bytes: Buffer.byteLength(text), sha256: sha256(text) }])),
  };
  files[ADMIN_FILES.manifest] = `${JSON.stringify(manifest, null, 2)}\n`;
  return files;
}

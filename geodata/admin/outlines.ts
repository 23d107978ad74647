/**
 * Real outlines from geodata/admin/: the provinces merged on 1 July 2025 (the dissolve of their
 * communes), for the checks that a zone lies in the former province its record names, and the
 * provinces as they are since, for the checks that data lies in the province it belongs to (the
 * import's envelope). Node only; each file read once, when first asked for.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const DIR = dirname(fileURLToPath(import.meta.url));
/** Former province (as addressOld.province names it) → its outline file. */
const FORMER_PROVINCE_FILES: Record<string, string> = { 'Bắc Kạn': 'former-bac-kan.geojson' };
/** Province since 1 July 2025 (as addressNew.province names it) → its outline file. */
const PROVINCE_FILES: Record<string, string> = { 'Thái Nguyên': 'province.geojson' };

export type ProvinceOutline = { name: string; geometry: Polygon | MultiPolygon };
const cache = new Map<string, ProvinceOutline>();

function outlineIn(file: string | undefined): ProvinceOutline | null {
  if (!file) return null;
  let outline = cache.get(file);
  if (!outline) {
    const fc = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    const f = fc.features[0]!;
    outline = { name: f.properties.name, geometry: f.geometry };
    cache.set(file, outline);
  }
  return outline;
}

/** The real outline of a former province, or null where geodata/admin has none. */
export const formerProvinceOutline = (province: string) => outlineIn(FORMER_PROVINCE_FILES[province.normalize('NFC')]);

/** The real outline of a province as it is since 1 July 2025, or null where geodata/admin has none. */
export const provinceOutline = (province: string) => outlineIn(PROVINCE_FILES[province.normalize('NFC')]);

/** An outline data must lie in, and its proper name, the same in both languages ("Thái Nguyên", "Việt Nam"). */
export type Envelope = { name: string; geometry: Polygon | MultiPolygon };

type NationalProps = { name: string };
let national: FeatureCollection<Polygon | MultiPolygon, NationalProps> | null = null;
const provinces = () => (national ??= JSON.parse(readFileSync(join(DIR, 'provinces.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, NationalProps>);

const polygonsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/**
 * Where a dataset's data belongs: the province its zones are in since 1 July 2025 (the detailed
 * outline where geodata/admin has one, else the province among the 34), or Vietnam (every
 * province) when its zones span several provinces or name none that is known.
 */
export function envelopeOf(provincesNow: string[]): Envelope {
  const names = [...new Set(provincesNow.map((p) => p.normalize('NFC')))];
  const all = provinces().features;
  if (names.length === 1) {
    const one = all.find((f) => f.properties.name === names[0]);
    const detailed = provinceOutline(names[0]!);
    if (one) return { name: one.properties.name, geometry: detailed?.geometry ?? one.geometry };
  }
  return { name: 'Việt Nam', geometry: { type: 'MultiPolygon', coordinates: all.flatMap((f) => polygonsOf(f.geometry)) } };
}

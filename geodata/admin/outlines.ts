/**
 * Real outlines of the provinces merged on 1 July 2025, from geodata/admin/ (the dissolve of their
 * communes), for the checks that a zone lies in the former province its record names. Node only;
 * read once, when first asked for.
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

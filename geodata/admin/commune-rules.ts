/**
 * Old address → new commune, by the publisher's merger table (formedFrom), and the rule that a
 * zone's geometry must not contradict its sourced old commune: it may not lie outside every new
 * commune formed from it. An error for surveyed geometry, a warning for approximate geometry
 * (a sketch may be misplaced; a survey contradicting its source is a real conflict). Used by
 * geodata:check, the bundled-data build and the import report. Node only (derive-commune.ts).
 */
import { area } from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Reason } from '../rules/reasons.ts';
import type { Accuracy } from '../vocabulary.ts';
import { type AdminCommune, type CommuneRef, communeOverlaps, joinCommunes } from './derive-commune.ts';

/** "Xã Thanh Thịnh", "phường  Huyền Tụng", "Thị trấn Chợ Rã (phần còn lại …)" → "thanh thịnh", "huyền tụng", "chợ rã". */
export function unitKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(xã|phường|thị trấn)\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "huyện Chợ Mới", "thành phố Phổ Yên", "Thị xã Phổ Yên" → "chợ mới", "phổ yên". */
function districtKey(name: string): string {
  return unitKey(name).replace(/^(huyện|quận|thị xã|thành phố)\s+/u, '');
}

type OldUnit = { key: string; district: string | null };

/**
 * The old units of a formedFrom text. Commas inside parentheses do not split; a parenthesis names
 * the old district where two old units shared a name ("Phường Trung Thành (thành phố Phổ Yên)"),
 * or a part ("(phần còn lại …)"), which is not a district.
 */
function formedFromUnits(formedFrom: string): OldUnit[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of formedFrom) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((part) => {
      const qualifier = /\(([^)]*)\)/.exec(part)?.[1]?.normalize('NFC').toLocaleLowerCase('vi').trim() ?? '';
      const district = /^(huyện|quận|thị xã|thành phố)\s/u.test(qualifier) ? districtKey(qualifier) : null;
      return { key: unitKey(part), district };
    })
    .filter((u) => u.key);
}

/**
 * The new communes formed (wholly or in part) from an old commune, per formedFrom; "giữ nguyên"
 * (unchanged) matches the new unit of the same name. Limited to the old province when it is given
 * (old Thái Nguyên and old Bắc Kạn had units of the same name), and to the old district where the
 * table names one.
 */
export function communesFormedFrom(oldCommune: string, oldProvince?: string | null, oldDistrict?: string | null): AdminCommune[] {
  const key = unitKey(oldCommune);
  if (!key) return [];
  const province = oldProvince ? unitKey(oldProvince) : null;
  const district = oldDistrict ? districtKey(oldDistrict) : null;
  return joinCommunes().communes.filter((c) => {
    if (province && unitKey(c.formerProvince) !== province) return false;
    const units = unitKey(c.formedFrom) === 'giữ nguyên' ? [{ key: unitKey(c.name), district: null }] : formedFromUnits(c.formedFrom);
    return units.some((u) => u.key === key && (!u.district || !district || u.district === district));
  });
}

/** What the rule needs of a zone (a ZoneFeature, or a zone being imported). */
type OldAddress = { commune: string | null; district?: string | null; province: string } | null | undefined;

/**
 * How a zone's derived commune is known: 'sourced' when the merger table (formedFrom) makes the
 * zone's sourced old commune that commune, else 'geometry' (shown as derived, not as fact).
 * The one statement of the rule: the dataset build, geodata:check and the server call it.
 */
export function communeBasisOf(communeCode: string, addressOld: OldAddress): 'sourced' | 'geometry' {
  const old = addressOld?.commune;
  return old && communesFormedFrom(old, addressOld.province, addressOld.district).some((c) => c.code === communeCode) ? 'sourced' : 'geometry';
}

export type CommuneRuleZone = {
  geometry: Polygon | MultiPolygon;
  properties: { accuracy: Accuracy; addressOld?: { commune: string | null; district?: string | null; province: string } | null };
};

export type CommuneContradiction = {
  severity: 'error' | 'warning';
  /** communeContradiction (most of it in another commune) or communeContradictionOutside (in no commune of the province). */
  reason: Reason;
  oldCommune: string;
  formed: CommuneRef[];
  derived: CommuneRef | null;
};

/** Below this share of its area inside the communes formed from its old commune, a zone lies outside them (2 m boundaries, rounding). */
const OUTSIDE_SHARE = 0.005;

const ref = ({ code, name, fullName }: AdminCommune): CommuneRef => ({ code, name, fullName });
const phrase = (fullName: string) => fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);

/**
 * The contradiction between a zone's geometry and its sourced old commune, or null: when the source
 * names no commune, when the table has no unit of that name (nothing to hold it to), or when the
 * zone overlaps a commune formed from it.
 */
export function checkCommuneContradiction(zone: CommuneRuleZone): CommuneContradiction | null {
  const old = zone.properties.addressOld;
  if (!old?.commune) return null;
  const formed = communesFormedFrom(old.commune, old.province, old.district);
  if (!formed.length) return null;
  const overlaps = communeOverlaps(zone.geometry);
  const formedCodes = new Set(formed.map((c) => c.code));
  const insideM2 = overlaps.filter((o) => formedCodes.has(o.commune.code)).reduce((sum, o) => sum + o.m2, 0);
  if (insideM2 > OUTSIDE_SHARE * area(zone.geometry)) return null;
  const derived = overlaps[0] ? ref(overlaps[0].commune) : null;
  const params = { oldCommune: old.commune, formed: formed.map((c) => phrase(c.fullName)).join(', '), ...(derived ? { derived: phrase(derived.fullName) } : {}) };
  return {
    severity: zone.properties.accuracy === 'surveyed' ? 'error' : 'warning',
    reason: { code: derived ? 'communeContradiction' : 'communeContradictionOutside', params },
    oldCommune: old.commune,
    formed: formed.map(ref),
    derived,
  };
}

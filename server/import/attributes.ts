/**
 * Attribute tables ↔ the geodata property model. Flat formats (CSV, GeoPackage, KML) carry the
 * columns of geodata/flat.ts (the OGC names), the Shapefile their ≤10-character .dbf names; export
 * writes them and import reads both back, together with common Vietnamese and English spellings of
 * keys and values. GeoJSON may instead carry the nested properties of geodata/schema.ts as they are.
 */
import { LAND_USE_LABELS, LAND_USES, PLOT_STATUS_LABELS, PLOT_STATUSES, ZONE_KINDS, ZONE_STATUS_LABELS, ZONE_STATUSES, CONTEXT_KINDS, ACCURACIES, CONTEXT_ACCURACIES, type LandUse, type PlotStatus, type ZoneStatus } from '../../geodata/vocabulary.ts';

import { IMPORT_LAYERS, type ImportLayer } from '../../geodata/exchange.ts';
import { foldText, isBlank } from '../../geodata/text.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';

export const LAYERS = IMPORT_LAYERS;
export type Layer = ImportLayer;

/** Columns export adds that import ignores: figures computed by the server and export metadata. */
export const DERIVED_COLUMNS = new Set(['area_ha', 'as_of', 'sources', 'occupancy', 'progress', 'occupancypct', 'progresspct', 'plot_count', 'has_layout', 'haslayout', 'version', 'areaha', 'land', 'plotcount', 'asof', 'openenquiries',
  // The commune since 2025 is derived from the geometry on every write, never taken from a file.
  'communecode', 'communename', 'communecd', 'communenm', 'communebasis']);

/** A column name or value as compared: geodata's fold with every separator dropped, "Trạng_thái" → "trangthai". */
const fold = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

/** Canonical key → accepted spellings (folded). */
const KEY_ALIASES: Record<string, string[]> = {
  id: ['id', 'plotid', 'malo', 'ma'],
  zoneId: ['zoneid', 'zone', 'makhu', 'khu', 'cum', 'macum'],
  code: ['code', 'kyhieu', 'sohieu', 'label', 'tenlo', 'lo'],
  landUse: ['landuse', 'loaidat', 'mucdich', 'mucdichsudung', 'sudung', 'use'],
  status: ['status', 'trangthai', 'tinhtrang'],
  tenant: ['tenant', 'nhadautu', 'doanhnghiep', 'khachthue', 'congty'],
  sector: ['sector', 'nganh', 'nganhnghe', 'linhvuc'],
  leaseStart: ['leasestart', 'leasefrom', 'ngaythue', 'tungay', 'batdauthue'],
  leaseEnd: ['leaseend', 'leaseto', 'denngay', 'hethanthue'],
  priceVndM2Year: ['pricevndm2year', 'pricem2y', 'giathue', 'dongia'],
  accuracy: ['accuracy', 'dochinhxac'],
  sourceId: ['sourceid', 'source', 'nguon'],
  note: ['note', 'ghichu', 'notes'],
  kind: ['kind', 'loai', 'type'],
  nameVi: ['namevi', 'name', 'ten', 'tenvi'],
  nameEn: ['nameen', 'tenen', 'englishname'],
  ref: ['ref', 'sohieuduong'],
  totalAreaHa: ['totalha', 'totalareaha', 'dientich', 'dientichha', 'areatotal'],
  district: ['district', 'huyen', 'addressolddistrict'],
  commune: ['commune', 'xa', 'communeold', 'addressoldcommune'],
  communeNew: ['communenw', 'communenew', 'xamoi', 'addressnewcommune'],
  geometrySourceId: ['geomsrc', 'geometrysourceid'],
};
const KEY_INDEX = new Map<string, string>(Object.entries(KEY_ALIASES).flatMap(([k, vs]) => vs.map((v) => [v, k] as const)));

/** Maps a raw attribute table to canonical keys; keys it does not know are returned apart. */
export function canonicalKeys(props: Record<string, unknown>): { values: Record<string, unknown>; unknown: string[] } {
  const values: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    const f = fold(k);
    const key = KEY_INDEX.get(f);
    if (key) {
      if (values[key] === undefined || values[key] === null || values[key] === '') values[key] = v;
    } else if (!DERIVED_COLUMNS.has(f) && !DERIVED_COLUMNS.has(k) && !['name', 'addressold', 'addressnew', 'figures'].includes(f) && !k.startsWith('__')) unknown.push(k);
  }
  return { values, unknown };
}

function vocabulary<T extends string>(values: readonly T[], labels: Record<T, { vi: string; en: string }> | null, extra: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const v of values) {
    m.set(fold(v), v);
    if (labels) {
      m.set(fold(labels[v].vi), v);
      m.set(fold(labels[v].en), v);
    }
    for (const e of extra[v]) m.set(fold(e), v);
  }
  return m;
}

const PLOT_STATUS_WORDS = vocabulary<PlotStatus>(PLOT_STATUSES, PLOT_STATUS_LABELS, {
  leased: ['đã cho thuê', 'da cho thue', 'đã thuê', 'đã thuê đất', 'rented', 'let', 'occupied', 'leased out', 'đã lấp đầy', 'có nhà đầu tư', 'dathue'],
  reserved: ['đã đặt chỗ', 'đặt chỗ', 'đặt cọc', 'giữ chỗ', 'booked', 'on hold', 'đã đăng ký'],
  available: ['còn trống', 'trống', 'chưa cho thuê', 'chưa thuê', 'vacant', 'free', 'for lease', 'for rent', 'sẵn sàng cho thuê'],
  not_developed: ['not developed', 'undeveloped', 'chưa có hạ tầng', 'chưa đầu tư hạ tầng', 'chưa phát triển', 'chưa san nền', 'chưa giải phóng mặt bằng'],
});
const LAND_USE_WORDS = vocabulary<LandUse>(LAND_USES, LAND_USE_LABELS, {
  industrial: ['cn', 'công nghiệp', 'đất sản xuất', 'nhà máy', 'skc', 'factory'],
  service: ['dv', 'dịch vụ', 'điều hành dịch vụ', 'services'],
  infrastructure: ['ht', 'hạ tầng', 'hạ tầng kỹ thuật', 'giao thông', 'đường', 'road', 'roads', 'utilities', 'đầu mối hạ tầng'],
  green: ['cx', 'cây xanh', 'mặt nước', 'green space', 'park'],
});
const ZONE_STATUS_WORDS = vocabulary<ZoneStatus>(ZONE_STATUSES, ZONE_STATUS_LABELS, {
  planned: ['quy hoạch', 'trong quy hoạch', 'planning'],
  established: ['thành lập', 'đã thành lập'],
  under_construction: ['under construction', 'đang xây dựng', 'đang đầu tư hạ tầng', 'construction'],
  operating: ['hoạt động', 'đã đi vào hoạt động', 'operational', 'operation'],
  revoked: ['thu hồi', 'đã hủy', 'cancelled', 'canceled'],
});

/**
 * Any attribute value as text. GeoJSON lets a value be an object, and an object
 * may carry its own toString (even `"toString": null`), so String() can throw;
 * objects are written as their JSON instead.
 */
export function asText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    try {
      return JSON.stringify(raw) ?? '';
    } catch {
      return '[object]';
    }
  }
  return String(raw);
}

/** A refused value names the column, the value and what it takes: a reason of the one message table. */
export type Lookup<T> = { value: T } | { error: Reason };

function lookup<T extends string>(words: Map<string, T>, raw: unknown, column: string, values: readonly T[]): Lookup<T> {
  const s = asText(raw).trim();
  const hit = words.get(fold(s));
  if (hit) return { value: hit };
  return { error: { code: 'importUnknownValue', params: { field: column, value: s, expected: values.join(', ') } } };
}

export const plotStatus = (raw: unknown) => lookup(PLOT_STATUS_WORDS, raw, 'status', PLOT_STATUSES);
export const landUse = (raw: unknown) => lookup(LAND_USE_WORDS, raw, 'land_use', LAND_USES);
export const zoneStatus = (raw: unknown) => lookup(ZONE_STATUS_WORDS, raw, 'status', ZONE_STATUSES);
export const zoneKind = (raw: unknown) =>
  lookup(vocabulary(ZONE_KINDS, null, { KCN: ['khu công nghiệp', 'industrial park'], CCN: ['cụm công nghiệp', 'industrial cluster'] }), raw, 'kind', ZONE_KINDS);
export const contextKind = (raw: unknown) =>
  lookup(vocabulary(CONTEXT_KINDS, null, { province: ['tỉnh', 'ranh giới tỉnh'], district_seat: ['huyện lỵ', 'trung tâm huyện'], road: ['đường', 'quốc lộ'], lake: ['hồ'], river: ['sông'] }), raw, 'kind', CONTEXT_KINDS);
const ACCURACY_WORDS = { approximate: ['gần đúng', 'approx', 'sketch'], surveyed: ['đo đạc', 'survey', 'measured'] };
export const accuracy = (raw: unknown) => lookup(vocabulary(ACCURACIES, null, ACCURACY_WORDS), raw, 'accuracy', ACCURACIES);
/** Basemap features may also be schematic (the hand-drawn roads, river and lake), which zones and plots may not. */
export const contextAccuracy = (raw: unknown) =>
  lookup(vocabulary(CONTEXT_ACCURACIES, null, { ...ACCURACY_WORDS, schematic: ['sơ đồ', 'minh họa'] }), raw, 'accuracy', CONTEXT_ACCURACIES);

/** Land use from a plan code: CN-03 industrial, DV service, HT infrastructure, CX green. */
export function landUseFromCode(code: string): LandUse | null {
  const p = /^([a-z]{2})/i.exec(code.trim())?.[1]?.toUpperCase();
  return p === 'CN' ? 'industrial' : p === 'DV' ? 'service' : p === 'HT' ? 'infrastructure' : p === 'CX' ? 'green' : null;
}

/** "CN-03", "Lô CN 03" → "cn-03": ids are lower-case ASCII with hyphens. */
export const slug = (s: string) =>
  foldText(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export type Coerced<T> = { value: T; warning?: Reason } | { error: Reason };

/** A number from a number or a numeric string ("1.234,5" or "1,234.5" too); blank → null. */
export function toNumber(raw: unknown, field: string): Coerced<number | null> {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { error: { code: 'importNotFinite', params: { field } } };
  const s = asText(raw).trim().replace(/\s/g, '');
  const normalised = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : /^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s.replace(/,(?=\d{3}\b)/g, '');
  const n = Number(normalised);
  return normalised !== '' && Number.isFinite(n) ? { value: n } : { error: { code: 'importNotNumber', params: { field, value: s } } };
}

/** YYYY, YYYY-MM, YYYY-MM-DD, or dd/mm/yyyy (converted); blank → null. */
export function toDate(raw: unknown, field: string): Coerced<string | null> {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { error: { code: 'importBadDate', params: { field } } } : { value: raw.toISOString().slice(0, 10) };
  const s = asText(raw).trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return { value: s };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return { value: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`, warning: { code: 'importDayMonthYear', params: { field, value: s } } };
  if (/^\d{8}$/.test(s)) return { value: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` };
  return { error: { code: 'importNotDate', params: { field, value: s } } };
}

export function toText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = asText(raw).trim();
  return isBlank(s) ? null : s; // one notion of blank for typed and imported text (geodata/text.ts)
}

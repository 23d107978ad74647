/**
 * The regions of the new Thái Nguyên province (since 1 July 2025): the two former provinces it was
 * formed from. The whole province is the default; a region narrows the map, search, find-land,
 * exports, totals and the OGC API. A zone's region is its commune's former province (the publisher's
 * table; geodata/admin/zone-region.ts, read by the API and geodata:check alike), never typed by hand,
 * so a zone moved across the old border changes region.
 */
import type { Stats } from './api.ts';
import { foldText } from './text.ts';
import type { Label } from './vocabulary.ts';

export const REGIONS = ['bac-kan', 'thai-nguyen'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, Label> = {
  'bac-kan': { vi: 'Bắc Kạn cũ', en: 'former Bắc Kạn' },
  'thai-nguyen': { vi: 'Thái Nguyên cũ', en: 'former Thái Nguyên' },
};
/** The default view: every zone of both former provinces. */
export const WHOLE_PROVINCE_LABEL: Label = { vi: 'Toàn tỉnh Thái Nguyên', en: 'All of Thái Nguyên province' };

/** The former province's name as the publisher's table writes it. */
const FORMER_PROVINCE: Record<Region, string> = { 'bac-kan': 'Bắc Kạn', 'thai-nguyen': 'Thái Nguyên' };

/** "Bắc Kạn", "tỉnh Bắc Kạn", "Bac Kan" → 'bac-kan'; anything else (or nothing) → null. */
export function regionOfFormerProvince(name: string | null | undefined): Region | null {
  if (!name) return null;
  const key = foldText(name).replace(/^tinh\s+/, '').trim();
  return REGIONS.find((r) => foldText(FORMER_PROVINCE[r]) === key) ?? null;
}

export const isRegion = (x: unknown): x is Region => typeof x === 'string' && (REGIONS as readonly string[]).includes(x);

/**
 * Resolution 16-NQ/TU is former Bắc Kạn's (adopted by that province in 2021): its targets, dashboard
 * and tour keep that region's zones and totals, whatever region the map shows.
 */
export const RESOLUTION_REGION: Region = 'bac-kan';

/** The province totals as a region's: the same shape, the region's figures (stats.byRegion); no region: the whole. */
export function regionStats<T extends Stats | null>(stats: T, region: Region | undefined): T {
  if (!stats || !region) return stats;
  const r = stats.byRegion[region];
  return { ...stats, byKind: r.byKind, all: r.all };
}

/**
 * The zones Resolution 16's views read: former Bắc Kạn's where the dataset has any; otherwise all
 * of them (another dataset, e.g. the national one, brings its own tour and targets, if any).
 */
export function resolutionZones<Z extends { properties: { region?: Region | null } }>(zones: readonly Z[]): Z[] {
  const inRegion = zones.filter((z) => z.properties.region === RESOLUTION_REGION);
  return inRegion.length ? inRegion : [...zones];
}

/** The totals Resolution 16's views read, by the same rule as resolutionZones. */
export function resolutionStats<T extends Stats | null>(stats: T): T {
  if (!stats) return stats;
  const r = stats.byRegion[RESOLUTION_REGION];
  return r.all.zoneCount > 0 ? regionStats(stats, RESOLUTION_REGION) : stats;
}

/**
 * The regions of Thái Nguyên province since 1 July 2025: the two former provinces merged into it.
 * A zone's region is never stored: it is the former province of the commune its outline lies in
 * (communes.geojson `formerProvince`; the zone's derived `communeCode`), so it cannot disagree with
 * the geometry. geodata:check also holds a zone's sourced old province to it (check-communes.ts).
 */
import type { Label } from './vocabulary.ts';

export const REGIONS = ['former_bac_kan', 'former_thai_nguyen'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, Label> = {
  former_bac_kan: { vi: 'Bắc Kạn (cũ)', en: 'former Bắc Kạn' },
  former_thai_nguyen: { vi: 'Thái Nguyên (cũ)', en: 'former Thái Nguyên' },
};

const BY_FORMER_PROVINCE: Record<string, Region> = { 'Bắc Kạn': 'former_bac_kan', 'Thái Nguyên': 'former_thai_nguyen' };

/** The region of a former province as the commune data and old addresses name it ("Bắc Kạn"), or null for another province. */
export const regionOfFormerProvince = (formerProvince: string | null | undefined): Region | null =>
  (formerProvince && BY_FORMER_PROVINCE[formerProvince.normalize('NFC')]) || null;
